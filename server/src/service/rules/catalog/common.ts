/** What the catalog metadata rules (DA-CAT-001..003, 发改高技〔2017〕1272号) share: the guide they cite. */

export const CLAUSE = '发改高技〔2017〕1272号';
