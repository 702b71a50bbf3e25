/** What the catalog metadata rules (DA-CAT-001..003, 发改高技〔2017〕1272号) share: the guide they cite. */

import { cite } from '../sources';
import type { SourceRef } from '../sources';
export const SOURCES: SourceRef[] = [cite('ndrc-2017-1272')];
