import { documentsChecklist, nonEmptyLines } from './documents-checklist';

describe('documentsChecklist', () => {
  it('turns the portal’s markers into headings, items with sub-points, and notes', () => {
    const text = ['* Giấy tờ phải nộp:', '- Tờ khai (1 bản chính)', '+ theo mẫu', '- Giấy chứng sinh', 'Trường hợp khác thì ...', '', '* Lưu ý:'].join('\n');
    expect(documentsChecklist(text)).toEqual([
      { kind: 'heading', text: 'Giấy tờ phải nộp:' },
      { kind: 'item', text: 'Tờ khai (1 bản chính)', subItems: ['theo mẫu'] },
      { kind: 'item', text: 'Giấy chứng sinh', subItems: [] },
      { kind: 'note', text: 'Trường hợp khác thì ...' },
      { kind: 'heading', text: 'Lưu ý:' },
    ]);
  });

  it('makes a sub-point with no item before it an item, and keeps a lone marker as a note', () => {
    expect(documentsChecklist('+ Bản sao\n-')).toEqual([
      { kind: 'item', text: 'Bản sao', subItems: [] },
      { kind: 'note', text: '-' },
    ]);
  });
});

describe('nonEmptyLines', () => {
  it('drops blank lines and trims', () => {
    expect(nonEmptyLines(' a \r\n\n b')).toEqual(['a', 'b']);
  });
});
