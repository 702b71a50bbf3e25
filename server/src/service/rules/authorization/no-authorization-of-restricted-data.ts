/**
 * DA-AUTH-010 (cross-file): no authorization to an operating entity of an asset drawn from a state secret, a work
 * secret, or core data that its catalog resource keeps from sharing or opening (clauses 4, 5).
 */
import type { WorkspaceRule } from '../rule';
import { cite, notice } from '../sources';

const CORE = '核心数据';

export const restrictedAuthorizationRule: WorkspaceRule = {
  meta: {
    id: 'DA-AUTH-010',
    name: 'no-authorization-of-restricted-data',
    sources: [
      notice('(4), (5)'),
      cite('state-secrets-law'),
      cite('data-security-law', '第二十一条'),
      cite('gov-order-809', '第三条'),
    ],
    severity: 'error',
    fixable: false,
    waiverNeedsBasis: true,
    messages: {
      classified: {
        'zh-CN':
          '资产“{asset}”所依托的资源 {resource} 属于国家秘密（涉密），却授权运营主体运营：国家秘密只能在知悉范围内依照保密法律法规提供，不能作为数据资产授权企业开发经营。请终止授权；确有法定依据的，以豁免注释写明依据（文号、条款）',
        en: 'Asset "{asset}" is drawn from resource {resource}, a state secret (涉密), yet it is authorised to an operating entity: state secrets are provided only to those who need to know under the secrecy law, never licensed to a company to develop and operate. End the authorization; where a legal basis truly allows it, state that basis (document number, article) in a waiver comment',
      },
      workSecret: {
        'zh-CN':
          '资产“{asset}”所依托的资源 {resource} 属于工作秘密，却授权运营主体运营：工作秘密只在工作需要的范围内知悉，请核实工作秘密管理规定是否允许这项授权；允许的，以豁免注释写明依据（文号、条款）',
        en: 'Asset "{asset}" is drawn from resource {resource}, a work secret (工作秘密), yet it is authorised to an operating entity: work secrets are known only as far as the work requires. Check that the rules for work secrets allow this authorization; if they do, state the basis (document number, article) in a waiver comment',
      },
      coreRestricted: {
        'zh-CN':
          '资产“{asset}”是核心数据，其资源 {resource} {restrictionZh}，却授权运营主体运营：核心数据实行更加严格的管理制度，连政务共享或社会开放都不允许的数据，更不能授权企业开发经营。请终止授权；确有法定依据的，以豁免注释写明依据（文号、条款）',
        en: 'Asset "{asset}" is core data (核心数据) and its resource {resource} is {restrictionEn}, yet it is authorised to an operating entity: core data is under a stricter management system, and data not even shared among departments or opened to the public cannot be licensed to a company to develop and operate. End the authorization; where a legal basis truly allows it, state that basis (document number, article) in a waiver comment',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '授权运营（authorizations 非空）的资产，其目录资源不能是涉密资源（错误）或工作秘密（警告）；资产或资源为核心数据、资源又“不予共享”或“不予开放”的，也不能授权（错误）。确有法定例外的，可以豁免，但豁免理由须写明依据（文号、条款或法律名称）。',
        en: 'An asset in authorised operation (a non-empty authorizations list) is not drawn from a classified resource (error) or a work secret (warning); nor may it be authorised when it or its resource is core data that the resource keeps from sharing (不予共享) or opening (不予开放) (error). A lawful exception may be waived, but only with a waiver whose reason cites its basis (document number, article or named law).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条允许将数据加工使用权、数据产品经营权授权运营主体，第（五）条要求依法保密的数据不予开放、对市场开放的数据须明确授权。《保守国家秘密法》将国家秘密限定在知悉范围内；《数据安全法》第二十一条对核心数据实行更加严格的管理制度；《政务数据共享条例》（国务院令第809号）第三条把国家秘密、工作秘密排除在政务数据之外。把这些数据授权企业运营，等于让它们离开依法划定的范围。法律另有规定的例外只能由单位依据具体条文判断，因此豁免须写明依据。',
        en: 'Clause (4) of 财资〔2024〕1号 lets the two rights be authorised to an operating entity, and clause (5) keeps data confidential by law from opening and requires data offered to the market to be clearly authorised. The Law on Guarding State Secrets keeps state secrets among those who need to know; Data Security Law art. 21 puts core data under a stricter management system; the Regulations on Government Data Sharing (国务院令第809号) art. 3 exclude state and work secrets from government data. Authorising a company to operate such data takes it out of the bounds the law sets. Only the unit can judge a statutory exception against its text, so a waiver must cite its basis.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0011\n    name: 重点交通设施运行数据\n    securityGrade: 核心数据\n    secrecy: 非涉密\n    sharing: { type: 不予共享, basis: 《数据安全法》第二十一条 }\n    opening: { type: 不予开放 }\n---\nassets:\n  - id: DA-2024-0011\n    resource: R-330100-JT-0011\n    securityGrade: 核心数据\n    authorizations:\n      - entity: 某市大数据运营有限公司\n        rights: [数据加工使用权]',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0011\n    name: 重点交通设施运行数据\n    securityGrade: 核心数据\n    secrecy: 非涉密\n    sharing: { type: 不予共享, basis: 《数据安全法》第二十一条 }\n    opening: { type: 不予开放 }\n---\nassets:\n  - id: DA-2024-0011\n    resource: R-330100-JT-0011\n    securityGrade: 核心数据',
    },
  },
  checkFile(file, index, report) {
    for (const asset of file.assets) {
      if (!asset.authorizations || !asset.resource) continue;
      const resource = index.resource(asset.resource.id);
      if (!resource) continue;
      const base = {
        range: asset.authorizations,
        path: `${asset.path}/authorizations`,
        data: { resource: resource.id, resourceUri: resource.uri },
      };
      const args = { asset: asset.id, resource: resource.id };
      if (resource.secrecy === '涉密') {
        report({ ...base, messageId: 'classified', args });
        continue;
      }
      if (resource.secrecy === '工作秘密') {
        report({ ...base, messageId: 'workSecret', severity: 'warning', args });
        continue;
      }
      if (asset.securityGrade !== CORE && resource.securityGrade !== CORE) continue;
      const notShared = resource.sharingType === '不予共享';
      const notOpened = resource.openingType === '不予开放';
      if (!notShared && !notOpened) continue;
      const restrictionZh = notShared && notOpened ? '不予共享、不予开放' : notShared ? '不予共享' : '不予开放';
      const restrictionEn =
        notShared && notOpened
          ? 'neither shared nor opened (不予共享, 不予开放)'
          : notShared
            ? 'not shared (不予共享)'
            : 'not opened (不予开放)';
      report({ ...base, messageId: 'coreRestricted', args: { ...args, restrictionZh, restrictionEn } });
    }
  },
};
