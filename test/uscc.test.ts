import * as assert from 'node:assert/strict';
import {
  USCC_MESSAGES,
  checkUscc,
  expectedKindFor,
  organisationCheckCharacter,
  usccCheckCharacter,
  usccKind,
} from '../server/src/service/codes/uscc';

/** Problem ids with their character index and expected character, the shape most assertions compare. */
function ids(code: string): Array<[string, number, string | undefined]> {
  return checkUscc(code).map((problem) => [problem.id, problem.index, problem.expected]);
}

describe('checkUscc', () => {
  // Checked with an implementation written separately from this one; they cover a letter in the organisation
  // code (M), an organisation check of X and of 0 (11), and a final check of 0 (31) and of letters.
  const VALID = [
    '113301000025391739',
    '11100000000013338W',
    '91350100M000100Y43',
    '91110000802100433B',
    '91440300708461136T',
    '12330100470051726L',
    '1233010047005189XQ',
    '123301004700517505',
    '123301004700527370',
  ];

  for (const code of VALID) {
    it(`accepts ${code}`, () => assert.deepEqual(checkUscc(code), []));
  }

  it('computes both check characters', () => {
    assert.equal(organisationCheckCharacter('00253917'), '3');
    assert.equal(organisationCheckCharacter('47005189'), 'X');
    assert.equal(organisationCheckCharacter('47005175'), '0');
    assert.equal(organisationCheckCharacter('M000100Y'), '4');
    assert.equal(usccCheckCharacter('11330100002539173'), '9');
    assert.equal(usccCheckCharacter('12330100470052737'), '0');
  });

  it('names a wrong final check character and the expected one', () => {
    const problems = checkUscc('113301000025391738');
    assert.deepEqual(ids('113301000025391738'), [['checkCharacter', 17, '9']]);
    assert.equal(
      problems[0].message.en,
      'Character 18 of the unified social credit code (its check character) should be "9", not "8"',
    );
    assert.equal(problems[0].message['zh-CN'], '统一社会信用代码第 18 位校验码应为“9”，实为“8”');
    assert.deepEqual(problems[0].args, { expected: '9', actual: '8' });
  });

  it('names a wrong organisation-code check character (position 17)', () => {
    // 2 instead of 3 at position 17; the final check is recomputed so that only the organisation check fails.
    const code = `1133010000253917${'2'}`;
    const full = code + usccCheckCharacter(code);
    assert.deepEqual(ids(full), [['organisationCheck', 16, '3']]);
    assert.match(checkUscc(full)[0].message.en, /Character 17 .*GB 11714.* should be "3", not "2"/);
    assert.match(checkUscc(full)[0].message['zh-CN'], /第 17 位（组织机构代码校验码，GB 11714）应为“3”，实为“2”/);
  });

  it('reports a wrong length, and still checks the organisation code when it is all there', () => {
    assert.deepEqual(ids('11330100002539173'), [['length', 17, undefined]]);
    assert.deepEqual(ids('1133010000253917399'), [['length', 18, undefined]]);
    assert.deepEqual(ids('11330100002539172'), [
      ['length', 17, undefined],
      ['organisationCheck', 16, '3'],
    ]);
    assert.deepEqual(ids('113301'), [['length', 6, undefined]]);
    assert.equal(checkUscc('113301')[0].message.en, 'A unified social credit code has 18 characters; "113301" has 6');
    assert.equal(checkUscc('')[0].id, 'length');
  });

  it('names each character outside the alphabet and its position, and skips the checks it spoils', () => {
    assert.deepEqual(ids('11330100002539I73O'), [
      ['badCharacter', 14, undefined],
      ['badCharacter', 17, undefined],
    ]);
    const problem = checkUscc('11330100002539I739')[0];
    assert.equal(problem.args.char, 'I');
    assert.equal(problem.args.position, 15);
    assert.match(problem.message.en, /Character 15 .*"I", is not allowed/);
    assert.match(problem.message['zh-CN'], /第 15 位“I”不可用/);
    for (const letter of ['I', 'O', 'Z', 'S', 'V', '-', ' ']) {
      assert.equal(checkUscc(`${letter}13301000025391739`)[0].id, 'badCharacter', letter);
    }
  });

  it('tells a lower-case letter and a full-width character from a bad one', () => {
    assert.deepEqual(ids('11100000000013338w'), [['lowercase', 17, 'W']]);
    assert.deepEqual(ids('１13301000025391739'), [['fullWidth', 0, '1']]);
    assert.deepEqual(ids('11100000000013338ｗ'), [['fullWidth', 17, 'W']]);
    assert.match(checkUscc('11100000000013338w')[0].message.en, /"w", must be the capital "W"/);
    assert.match(checkUscc('１13301000025391739')[0].message['zh-CN'], /第 1 位“１”是全角字符，应为半角“1”/);
    assert.deepEqual(ids('i13301000025391739'), [['badCharacter', 0, undefined]]);
  });

  it('has a message template in both languages for every problem id', () => {
    for (const [id, text] of Object.entries(USCC_MESSAGES)) {
      assert.ok(text['zh-CN'] && text.en, id);
    }
  });
});

describe('usccKind', () => {
  it('reads authority 1 kinds and the unit type they imply', () => {
    const body = usccKind('113301000025391739')!;
    assert.equal(body.authority, '1');
    assert.equal(body.authorityName?.['zh-CN'], '机构编制');
    assert.equal(body.kind, '1');
    assert.equal(body.kindName?.['zh-CN'], '机关');
    assert.equal(body.impliedUnitType, '行政单位');
    const institution = usccKind('12330100470051726L')!;
    assert.equal(institution.kindName?.['zh-CN'], '事业单位');
    assert.equal(institution.impliedUnitType, '事业单位');
    assert.equal(usccKind('13330100470051726L')!.impliedUnitType, undefined);
    assert.equal(
      usccKind('13330100470051726L')!.kindName?.en,
      'mass organisation under the central establishment office',
    );
  });

  it('names other authorities, and implies no unit type for them', () => {
    const enterprise = usccKind('91350100M000100Y43')!;
    assert.equal(enterprise.authorityName?.['zh-CN'], '工商');
    assert.equal(enterprise.kindName?.['zh-CN'], '企业');
    assert.equal(enterprise.impliedUnitType, undefined);
    assert.equal(usccKind('52110000500000000X')!.kindName?.['zh-CN'], '民办非企业单位');
    assert.equal(usccKind('Q1')!.authorityName, undefined);
    assert.equal(usccKind('1'), undefined);
  });

  it('gives the kind a unit type expects', () => {
    assert.equal(expectedKindFor('行政单位'), '1');
    assert.equal(expectedKindFor('事业单位'), '2');
  });
});
