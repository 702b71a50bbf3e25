/**
 * Reads the bilingual documentation our schemas carry in standard keywords: `title` is the Chinese term and
 * `description` is three lines — Chinese, English, and `依据 Basis: <citation>`.
 */
export interface SchemaDoc {
  title?: string;
  zh?: string;
  en?: string;
  clause?: string;
}

const BASIS = /^依据\s*Basis:\s*/;

export function describeSchema(schema: unknown): SchemaDoc {
  if (!schema || typeof schema !== 'object') return {};
  const { title, description } = schema as { title?: unknown; description?: unknown };
  const doc: SchemaDoc = {};
  if (typeof title === 'string') doc.title = title;
  if (typeof description === 'string') {
    const lines = description.split('\n');
    const basis = lines.findIndex((line) => BASIS.test(line));
    if (basis >= 0) doc.clause = lines[basis].replace(BASIS, '').trim();
    const text = lines.filter((_, i) => i !== basis);
    doc.zh = text[0];
    doc.en = text[1] ?? text[0];
  }
  return doc;
}
