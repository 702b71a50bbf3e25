/** DA-CAT-003: a resource's release date is not in the future (发改高技〔2017〕1272号). */
import type { MapNode } from '../../parser/ast';
import { scalarAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES } from './common';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const futureReleaseRule: Rule = {
  meta: {
    id: 'DA-CAT-003',
    name: 'no-future-release-date',
    sources: SOURCES,
    severity: 'warning',
    fixable: false,
    messages: {
      future: {
        'zh-CN':
          '发布日期 {date} 晚于今天（{today}）：目录中的发布日期应是资源已经发布的日期，请核对（常见为年份笔误）',
        en: 'The release date {date} is after today ({today}): a catalog records the date a resource was released; check it (a mistyped year is common)',
      },
    },
    docs: {
      description: {
        'zh-CN': '资源的发布日期（releaseDate）不应晚于今天。',
        en: "A resource's release date (releaseDate) is not later than today.",
      },
      rationale: {
        'zh-CN':
          '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把发布日期列为目录元数据，记录资源在目录中发布的时间；未来的日期不可能是已发生的发布，多为笔误，会误导使用者对数据时效的判断。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists the release date as catalog metadata, recording when the resource was published; a date in the future cannot be a release that happened, is usually a typo, and misleads users about how current the data is.',
      },
      example: 'resources:\n  - id: R-330100-JT-0002\n    name: 公交线路与站点数据\n    releaseDate: 2204-03-15',
      fixedExample: 'resources:\n  - id: R-330100-JT-0002\n    name: 公交线路与站点数据\n    releaseDate: 2024-03-15',
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const node = scalarAt(item, 'releaseDate');
    const date = node && typeof node.value === 'string' ? node.value.trim() : '';
    if (!node || !ISO_DATE.test(date) || date <= context.today) return;
    context.report({
      messageId: 'future',
      span: node.span,
      args: { date, today: context.today },
      path: `${scope.path}/releaseDate`,
      data: { date, today: context.today },
    });
  },
};
