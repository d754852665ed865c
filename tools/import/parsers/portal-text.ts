/**
 * The portal crawl keeps each page section as text, but its tables arrive flattened: column headers
 * and cells glued together ("Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị...1 bản chínhGiấy tờ...").
 * These helpers turn that into plain text a page can show with line breaks. They only add line breaks
 * (and "(...)" around a recognised document number), and drop the glued table headers, lines that are
 * only dashes and the portal's "no information" placeholder; every other character of the source is
 * kept, so a wrong guess about a row boundary costs layout, never content.
 */

/** What the portal writes in a section that has no content. */
export const NO_INFORMATION = 'Không có thông tin';

/** NFC, no-break spaces to spaces, LF line breaks, no trailing spaces, at most one blank line. */
export function plainText(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\t ]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned === NO_INFORMATION || cleaned === `${NO_INFORMATION}.` ? '' : cleaned;
}

const DOSSIER_TABLE_HEADER = /Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng/gu;
/** "1 bản chính", "0 bản chính,1 bản sao", "2 bản sao" at the end of a glued table row. */
const COPIES = /(\d+ bản chính(?:\s*,\s*\d+ bản sao)?|\d+ bản sao)(?=\S)/gu;

/** Required documents: one document per line, the number of originals / copies at its end. */
export function dossierText(text: string): string {
  const rows = plainText(text).replace(DOSSIER_TABLE_HEADER, '\n').replace(COPIES, '$1\n');
  // "--" is what the portal prints for a document group without a heading.
  return plainText(rows.replace(/^-+$/gmu, ''));
}

const LEGAL_TABLE_HEADER = /Tên văn bản pháp lý\s*Mã văn bản/gu;
/**
 * Issuers that end a Vietnamese document number (the part after the last "-", or the whole suffix for
 * laws: QH14). Listed so that a number glued to the next title ("68/2018/NĐ-CPTrách nhiệm...",
 * "175/2024/NĐ-CPsửa đổi...") ends where the issuer ends; a number with an issuer not listed here is
 * left inline rather than cut in a wrong place.
 */
const ISSUERS = [
  'UBTVQH\\d{2}', 'QH\\d{2}', 'BLĐTBXH', 'BVHTTDL', 'BNNPTNT', 'VKSNDTC', 'TANDTC', 'BTTTT', 'BGDĐT', 'BKHĐT', 'BKHCN',
  'BTNMT', 'BNNMT', 'BGTVT', 'VPCP', 'HĐND', 'UBND', 'NHNN', 'UBDT', 'BTC', 'BTP', 'BCA', 'BYT', 'BXD', 'BQP', 'BNV',
  'BCT', 'BNG', 'TTg', 'CP',
];
/**
 * A document number in the table's "code" column, glued to the end of its title: 68/2018/NĐ-CP,
 * 10/2017/QH14, 66.7/2025/NQ-CP, 02/2017/TT-VPCP. A number inside a title follows a space and is left
 * alone; so is one glued to a digit or a dash ("giai đoạn 2026-203016/2026/QĐ-UBND"), where the number's
 * start cannot be told from the title's end.
 */
const GLUED_DOCUMENT_NUMBER = new RegExp(`(?<=[^\\s\\d/.-]|[^\\s\\d/.-]\\.)(\\d+(?:\\.\\d+)?/\\d{4}/(?:\\p{Lu}+-)*(?:${ISSUERS.join('|')}))`, 'gu');

/** Legal basis: one document per line, "title (number)" where the number could be told apart. */
export function legalBasisText(text: string): string {
  const withoutHeader = plainText(text).replace(LEGAL_TABLE_HEADER, '\n');
  return plainText(withoutHeader.replace(GLUED_DOCUMENT_NUMBER, ' ($1)\n'));
}
