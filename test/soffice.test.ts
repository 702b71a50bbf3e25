/** The LibreOffice helper the spreadsheet tests rely on: a CSV through Calc to xlsx and back, every sheet. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convert, CSV_UTF8_IN, sheetsAsShown } from './soffice';

describe('LibreOffice Calc (test/soffice.ts)', function () {
  this.timeout(120_000);

  it('turns a Chinese CSV into an xlsx and reads its cells back as shown', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-soffice-test-'));
    const csv = path.join(dir, '目录.csv');
    writeFileSync(csv, '资源名称,数量\n人口库,12\n"法人库, 含分支机构",5\n');
    const [xlsx] = convert(csv, 'xlsx', dir, CSV_UTF8_IN);
    assert.equal(path.basename(xlsx), '目录.xlsx');
    const sheets = sheetsAsShown(xlsx);
    assert.deepEqual([...sheets.keys()], ['目录']);
    assert.deepEqual(sheets.get('目录'), [
      ['资源名称', '数量'],
      ['人口库', '12'],
      ['法人库, 含分支机构', '5'],
    ]);
  });
});
