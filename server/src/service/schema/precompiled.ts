/**
 * The schema validators compiled ahead of time. In this source it is empty, so code run from `out/` (the
 * tests) compiles the schemas with ajv on first use; the bundles built by esbuild.mjs replace this module with
 * ajv's standalone code for the same four validators (see validatorSchemas), so the CLI and the server start
 * without compiling anything.
 */
import type { ValidateFunction } from 'ajv';

export type PrecompiledName = 'catalogHead' | 'catalogItem' | 'registerHead' | 'registerItem';

export const PRECOMPILED: Record<PrecompiledName, ValidateFunction> | undefined = undefined;
