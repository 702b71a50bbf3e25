/**
 * Labels for every enumerated (and constant) value of the two schemas: a short English label and a short Chinese
 * explanation. Completions and hovers show them next to the Chinese value the steward writes.
 * test/schema.test.ts checks that every `enum`/`const` string in schemas/*.schema.json has an entry here.
 */
export const ENUM_LABELS: Record<string, { en: string; zh: string }> = {
  // Document header
  'steward/v1': { en: 'Document format version 1', zh: '文档格式第 1 版' },
  DataResourceCatalog: { en: 'Data resource catalog', zh: '数据资源目录' },
  DataAssetRegister: { en: 'Data asset register', zh: '数据资产登记' },

  // Unit type (clause 7)
  行政单位: { en: 'Administrative unit', zh: '国家机关等行政单位，收益纳入政府非税收入' },
  事业单位: { en: 'Public institution', zh: '事业单位，使用收益按同级财政部门规定管理' },

  // Data grade (GB/T 43697-2024)
  核心数据: { en: 'Core data', zh: '最高级别，关系国家安全和经济命脉' },
  重要数据: { en: 'Important data', zh: '泄露或篡改可能危害国家安全、公共利益' },
  一般数据: { en: 'General data', zh: '核心数据、重要数据以外的数据' },

  // Secrecy
  涉密: { en: 'Classified (state secret)', zh: '属于国家秘密，不得开放' },
  工作秘密: { en: 'Work secret', zh: '不属于国家秘密但不宜公开的工作秘密，不属于政务数据，不得开放' },
  非涉密: { en: 'Not classified', zh: '不属于国家秘密，也不属于工作秘密' },

  // Resource kind
  基础: { en: 'Base resource', zh: '人口、法人、空间地理等基础信息资源' },
  主题: { en: 'Thematic resource', zh: '围绕某一主题跨部门汇聚的信息资源' },
  部门: { en: 'Departmental resource', zh: '本部门履职产生的信息资源' },

  // Information item data types
  字符型: { en: 'Character', zh: '文字、编码等字符串' },
  数值型: { en: 'Numeric', zh: '定点数值' },
  货币型: { en: 'Currency', zh: '金额' },
  日期型: { en: 'Date', zh: '年月日' },
  日期时间型: { en: 'Date-time', zh: '年月日时分秒' },
  逻辑型: { en: 'Boolean', zh: '是或否' },
  备注型: { en: 'Memo (long text)', zh: '长文本' },
  通用型: { en: 'General (binary object)', zh: '图片、音视频等二进制对象' },
  双精度型: { en: 'Double', zh: '双精度浮点数' },
  整型: { en: 'Integer', zh: '整数' },
  浮点型: { en: 'Floating point', zh: '浮点数' },

  // Update cycle
  实时: { en: 'Real time', zh: '随产生随更新' },
  每日: { en: 'Daily', zh: '每天更新' },
  每周: { en: 'Weekly', zh: '每周更新' },
  每月: { en: 'Monthly', zh: '每月更新' },
  每季度: { en: 'Quarterly', zh: '每季度更新' },
  每半年: { en: 'Half-yearly', zh: '每半年更新' },
  每年: { en: 'Yearly', zh: '每年更新' },
  不定期: { en: 'Irregular', zh: '不定期更新' },
  不更新: { en: 'Never updated', zh: '发布后不再更新' },

  // Sharing (国发〔2016〕51号)
  无条件共享: { en: 'Shared unconditionally', zh: '向所有政务部门共享' },
  有条件共享: { en: 'Shared on conditions', zh: '向部分部门或部分内容共享，须写明条件' },
  不予共享: { en: 'Not shared', zh: '须有法律、行政法规或国家政策依据' },
  接口: { en: 'API', zh: '通过服务接口提供' },
  库表: { en: 'Database tables', zh: '通过库表交换提供' },
  文件: { en: 'Files', zh: '通过文件下载或交换提供' },

  // Opening (clause 5)
  无条件开放: { en: 'Open unconditionally', zh: '向社会无条件开放' },
  有条件开放: { en: 'Open on conditions', zh: '经申请、协议等条件后开放' },
  不予开放: { en: 'Not opened', zh: '不向社会开放，涉密数据必须如此' },

  // Acquisition (clause 3)
  自主采集: { en: 'Collected independently', zh: '履职或提供公共服务中自行采集' },
  生产加工: { en: 'Produced and processed', zh: '对已有数据生产加工形成' },
  购置: { en: 'Purchased', zh: '按预算管理规定购置，涉及政府采购的执行采购规定' },

  // Accounting recognition (government accounting standards No. 4 and No. 1)
  无形资产: { en: 'Intangible asset (Government Accounting Standard No. 4)', zh: '按政府会计准则第4号确认为无形资产' },
  存货: { en: 'Inventory (Government Accounting Standard No. 1)', zh: '按政府会计准则第1号确认为存货' },
  未确认: { en: 'Not recognised as an asset', zh: '不满足资产确认条件，未入账' },

  // Public data resource registration (发改数据规〔2025〕26号)
  首次登记: { en: 'First registration', zh: '纳入授权运营后首次登记' },
  变更登记: { en: 'Change registration', zh: '登记事项发生变化后的登记' },
  更正登记: { en: 'Correction', zh: '更正登记信息中的错误' },
  注销登记: { en: 'Cancellation', zh: '不再授权运营等情形下注销登记' },

  // Purpose of an authorised use (财资〔2024〕1号 (5); 发改价格〔2025〕65号)
  公共治理: { en: 'Public governance', zh: '用于公共治理，不收取费用' },
  公益事业: { en: 'Public welfare', zh: '用于公益事业，不收取费用' },
  产业发展: { en: 'Industrial development', zh: '用于产业发展，可有偿使用，实行政府指导价' },
  行业发展: { en: 'Sector development', zh: '用于行业发展，可有偿使用，实行政府指导价' },

  // Valuation methods
  收益法: { en: 'Income approach', zh: '按预期收益折现估值' },
  成本法: { en: 'Cost approach', zh: '按重置成本估值' },
  市场法: { en: 'Market approach', zh: '参照可比交易估值' },

  // Rights that may be authorized (clause 4)
  数据加工使用权: { en: 'Data processing and use right', zh: '对数据进行加工和使用的权利' },
  数据产品经营权: { en: 'Data product operation right', zh: '经营数据产品并获取收益的权利' },

  // Revenue (clause 7)
  使用: { en: 'Use', zh: '使用（如有偿授权）产生的收益' },
  处置: { en: 'Disposal', zh: '处置（如转让）产生的收益' },
  非税收入: { en: 'Government non-tax revenue', zh: '上缴政府非税收入，国库集中收缴' },
  事业收入: { en: 'Public-institution income', zh: '事业单位按同级财政部门规定管理的收入' },

  // Disposal (clause 6)
  无偿划转: { en: 'Transfer free of charge', zh: '无偿转移给其他单位' },
  对外捐赠: { en: 'Donation', zh: '无偿捐赠给外部单位' },
  转让: { en: 'Sale', zh: '有偿转让，收入上缴' },
  置换: { en: 'Exchange', zh: '与其他资产交换' },
  报废: { en: 'Scrapping', zh: '失去使用价值后报废' },
  报损: { en: 'Write-off as a loss', zh: '因损失核销' },
  销毁: { en: 'Destruction', zh: '以专业技术手段彻底销毁，确保不可恢复' },
  删除: { en: 'Deletion', zh: '以专业技术手段彻底删除，确保不可恢复' },

  // Classified protection levels (GB/T 22239-2019)
  第一级: { en: 'Protection level 1', zh: '等级保护第一级' },
  第二级: { en: 'Protection level 2', zh: '等级保护第二级' },
  第三级: { en: 'Protection level 3', zh: '等级保护第三级' },
  第四级: { en: 'Protection level 4', zh: '等级保护第四级' },
  第五级: { en: 'Protection level 5', zh: '等级保护第五级' },

  // Inspections (clause 10)
  日常: { en: 'Routine supervision', zh: '日常监督检查' },
  专项: { en: 'Special inspection', zh: '专项检查' },
};
