/**
 * Build-time only (esbuild.mjs): ajv's standalone code for the four validators of validate.ts, written into the
 * bundles in place of precompiled.ts.
 */
import standaloneCode from 'ajv/dist/standalone';
import { createAjv, validatorSchemas } from './validate';
import type { PrecompiledName } from './precompiled';

export function precompiledSource(): string {
  const ajv = createAjv({ source: true });
  const names: Record<PrecompiledName, string> = {
    catalogHead: 'catalogHead',
    catalogItem: 'catalogItem',
    registerHead: 'registerHead',
    registerItem: 'registerItem',
  };
  const catalog = validatorSchemas('DataResourceCatalog');
  const register = validatorSchemas('DataAssetRegister');
  ajv.addSchema(catalog.head, 'catalogHead');
  ajv.addSchema(catalog.item, 'catalogItem');
  ajv.addSchema(register.head, 'registerHead');
  ajv.addSchema(register.item, 'registerItem');
  return standaloneCode(ajv, names);
}
