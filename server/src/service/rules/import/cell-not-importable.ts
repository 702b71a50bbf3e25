/**
 * DA-IMPORT-001: a spreadsheet cell holds an error value (#REF!, #DIV/0! …: a formula's saved result, or text a
 * spreadsheet program saved in a CSV) or a formula with no saved result, so it has no value to import. Reported by
 * `steward import` (sheets/import-build.ts); the error value (or the formula) is kept as the field's value, so that
 * validation also reports it where the field has a form.
 */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';

export const cellNotImportableRule: BuiltInRule = {
  layer: 'import',
  meta: {
    id: 'DA-IMPORT-001',
    name: 'cell-not-importable',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {error} is the error value the cell holds (#REF!), whether a formula gave it or not; one message per value
      // says what it means.
      referenceError: {
        'zh-CN':
          '单元格的值是错误值 {error}（引用的单元格或工作表已被删除）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (a reference to a deleted cell or sheet): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      divisionByZero: {
        'zh-CN':
          '单元格的值是错误值 {error}（除数为零）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (a division by zero): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      notFound: {
        'zh-CN':
          '单元格的值是错误值 {error}（查找函数没有找到值）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (a lookup function found no value): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      wrongType: {
        'zh-CN':
          '单元格的值是错误值 {error}（参数或运算对象的类型不对）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (an argument of the wrong type): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      unknownName: {
        'zh-CN':
          '单元格的值是错误值 {error}（公式中有无法识别的函数或名称）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (an unknown function or name): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      badNumber: {
        'zh-CN':
          '单元格的值是错误值 {error}（数值无效或超出范围）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (an invalid or out-of-range number): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      noIntersection: {
        'zh-CN':
          '单元格的值是错误值 {error}（引用的区域没有交集）：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error} (ranges that do not intersect): kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      errorValue: {
        'zh-CN': '单元格的值是错误值 {error}：已原样保留为该字段的值，未丢弃；请在表格中改正公式后保存，再导入',
        en: 'The cell holds the error {error}: kept as the value, not dropped; correct the formula in the sheet, save, and import again',
      },
      // {formula} is the formula's text (=A1*2): the workbook was saved without its result.
      uncomputed: {
        'zh-CN':
          '公式 {formula} 没有保存计算结果：已将公式文本原样保留为该字段的值，未丢弃；请在表格中重新计算并保存，再导入',
        en: 'The formula {formula} has no saved result: its text is kept as the value, not dropped; recalculate and save the sheet, then import again',
      },
    },
    docs: {
      description: {
        'zh-CN': '电子表格单元格的值是错误值（#REF!、#DIV/0! 等），或是没有保存计算结果的公式，没有可导入的值',
        en: 'A spreadsheet cell holds an error value (#REF!, #DIV/0! …) or a formula with no saved result, so it has no value to import',
      },
      rationale: {
        'zh-CN':
          '导入读取的是公式保存下来的计算结果，不重新计算公式。单元格的值是错误值（如引用的工作表被删除后的 #REF!；由电子表格软件另存的 CSV 中也会出现），或公式没有保存结果时，本工具不猜测应填的值：错误值（或公式文本）原样写入 YAML 的对应字段，并报告其所在单元格和该错误值的含义；该字段有取值要求（如代码、日期、金额）时，检查也会报告这个值。在电子表格软件中改正公式（或改为数值）并保存后再导入。',
        en: "An import reads the result a formula saved; it does not compute formulas. When a cell holds an error value (such as #REF! after the sheet it refers to was deleted; a CSV saved by a spreadsheet program holds them too) or a formula with no saved result, the tool does not guess a value: the error value (or the formula's text) is written as the field's value, and the cell is reported with what the error means; where the field takes a code, a date or an amount, the check reports that value too. Correct the formula (or replace it with its value) in the spreadsheet program, save, and import again.",
      },
      example: `# 工作表“信息资源” / sheet 信息资源：C2 引用了已删除的代码表 / C2 refers to a deleted code sheet
信息资源名称,信息资源代码,提供方,提供方代码,信息资源摘要,共享类型,开放类型,更新周期,数据分级
公交车辆实时位置数据,R-330100-JT-0001,=VLOOKUP(A2;代码表!A:B;2;0) → #REF!,11330100002539173X,公交车辆实时位置,无条件共享,有条件开放,实时,一般数据`,
      fixedExample: `# 工作表“信息资源” / sheet 信息资源：C2 改为数值 / C2 holds its value
信息资源名称,信息资源代码,提供方,提供方代码,信息资源摘要,共享类型,开放类型,更新周期,数据分级
公交车辆实时位置数据,R-330100-JT-0001,某市交通运输局,11330100002539173X,公交车辆实时位置,无条件共享,有条件开放,实时,一般数据`,
      exampleSyntax: 'sheet',
    },
  },
};
