import * as assert from 'node:assert/strict';
import { fillTemplate, fillText } from '../server/src/service/i18n/template';

describe('the template filler', () => {
  it('fills every {name} from the arguments, numbers as written, and leaves a placeholder without a value', () => {
    assert.equal(fillTemplate('资产“{asset}”{year} 年：{asset}', { asset: '甲', year: 2024 }), '资产“甲”2024 年：甲');
    assert.equal(fillTemplate('{a} and {missing}', { a: 'x' }), 'x and {missing}');
    assert.equal(fillTemplate('no placeholder', { a: 'x' }), 'no placeholder');
    assert.equal(fillTemplate('{a}', undefined), '{a}');
    assert.equal(fillTemplate('{0} of {1}', { 0: 'one', 1: 2 }), 'one of 2');
  });

  it('inserts values as they are: no replacement patterns, no second pass over what it inserted', () => {
    assert.equal(
      fillTemplate('id {name} at {where}', { name: '$&{where}$1', where: 'a.yaml:3' }),
      'id $&{where}$1 at a.yaml:3',
    );
  });

  it('fills the same template alike on every call, and both languages', () => {
    const text = { 'zh-CN': '向“{entity}”的授权', en: 'The authorization to "{entity}"' };
    for (const entity of ['甲', '乙', '甲'])
      assert.deepEqual(fillText(text, { entity }), {
        'zh-CN': `向“${entity}”的授权`,
        en: `The authorization to "${entity}"`,
      });
  });
});
