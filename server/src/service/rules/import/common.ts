/**
 * The import rules' examples are workbooks written as text: a line `# 工作表“NAME”` starts a sheet, other `#` lines
 * are comments, and every other line is one row in CSV. A cell `=FORMULA → #ERROR` is a formula whose saved result
 * is that error. The rule tester builds the workbook from this text and imports it; readers see the sheets' cells.
 */

/** The unit sheet of this tool's own workbook layout (as `steward export` writes it), for one register. */
export const UNIT_SHEET = `# 工作表“单位” / sheet 单位
接口版本,截至日期,单位名称,单位·统一社会信用代码,单位类型,单位·主管部门,文档类型,来源文件
steward/v1,2024-12-31,某市交通运输局,113301000025391739,行政单位,某市人民政府,数据资产登记,transport.assets.yaml`;

/** The assets sheet of the same layout, with one asset. */
export const ASSET_SHEET = `# 工作表“数据资产” / sheet 数据资产
资产标识,资产名称,对应资源,资产分类代码,数量,数据分级,取得方式·配置方式,取得方式·取得日期,取得方式·预算依据,来源文件
DA-2024-0001,公交车辆实时位置数据集,R-330100-JT-0001,A08060201,1,一般数据,自主采集,2024-03-01,交财〔2024〕12号,transport.assets.yaml`;

/** The head of a revenue sheet of the same layout. */
export const REVENUE_HEAD = `# 工作表“收益” / sheet 收益
资产标识,年度,收益来源,金额,管理方式,缴款方,缴款凭证,来源文件`;
