#!/usr/bin/env bash
# Nightly backup of a Phố Số compose deployment (docs/operations.md, "Backups"): a pg_dump of the
# database in custom format, taken inside the postgres container (its pg_dump matches the server), then
# a tar of the QR asset volume, both into BACKUP_DIR; archives older than KEEP_DAYS days are deleted.
#
#   tools/db/backup.sh [BACKUP_DIR]        default /var/backups/pho-so
#
# Run on the Docker host, from anywhere; it works in the folder of docker-compose.yml and .env (this
# checkout, or PHO_SO_DIR). KEEP_DAYS (default 14). Files are written as *.part and renamed only when
# complete, so a file without .part is a whole archive; a dump is also read back (pg_restore --list).
# Exits non-zero, leaving the .part file, when any step fails: let cron mail the output.
set -euo pipefail
umask 077

compose_dir=${PHO_SO_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
backup_dir=${1:-/var/backups/pho-so}
keep_days=${KEEP_DAYS:-14}
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)

mkdir -p "$backup_dir"
cd "$compose_dir"

dump="$backup_dir/pho-so-db-$stamp.dump"
# Single quotes: POSTGRES_USER and POSTGRES_DB are expanded by the container's shell, from the
# container's own environment, so the host shell needs neither.
docker compose exec -T postgres sh -c 'exec pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" --format=custom' >"$dump.part"
docker compose exec -T postgres pg_restore --list <"$dump.part" >/dev/null
mv "$dump.part" "$dump"

# After the dump: asset files are content-addressed and written before the row that names them, so
# this copy holds every file the dump refers to. Run as the image's user, which owns the volume.
# Temporary files of a render in progress (.tmp-…) are left out: they come and go while tar reads.
assets="$backup_dir/pho-so-assets-$stamp.tar.gz"
docker compose run --rm --no-deps -T --entrypoint tar worker -C /var/lib/pho-so/assets --exclude='.tmp-*' -czf - . >"$assets.part"
mv "$assets.part" "$assets"

find "$backup_dir" -maxdepth 1 -type f -name 'pho-so-*' -mtime +"$keep_days" -delete
echo "backup: $dump ($(du -h "$dump" | cut -f1)), $assets ($(du -h "$assets" | cut -f1))"
