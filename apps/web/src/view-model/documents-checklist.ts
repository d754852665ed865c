// The portal lists a procedure's documents as lines: "* Giấy tờ phải nộp:" opens a group, "- ..." is a
// document, "+ ..." a sub-point of the one before, anything else a note. The procedure page turns this
// into a checklist a citizen can tick and print.

export type ChecklistBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'item'; text: string; subItems: string[] }
  | { kind: 'note'; text: string };

export function documentsChecklist(documents: string): ChecklistBlock[] {
  const blocks: ChecklistBlock[] = [];
  for (const rawLine of documents.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const marker = line[0];
    const text = line.slice(1).trim();
    if (marker === '*' && text !== '') {
      blocks.push({ kind: 'heading', text });
    } else if (marker === '-' && text !== '') {
      blocks.push({ kind: 'item', text, subItems: [] });
    } else if (marker === '+' && text !== '') {
      const previous = blocks.at(-1);
      if (previous?.kind === 'item') previous.subItems.push(text);
      else blocks.push({ kind: 'item', text, subItems: [] });
    } else {
      blocks.push({ kind: 'note', text: line });
    }
  }
  return blocks;
}

/** Text split into its non-empty lines, for steps, conditions and legal bases. */
export const nonEmptyLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
