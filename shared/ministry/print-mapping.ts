// Prints the generated mapping section of docs/ministry-export.md: paste it between the markers
// after changing tables.ts, code-tables.ts or sources.ts.
//   npx tsx shared/ministry/print-mapping.ts
import { mappingMarkdown } from './mapping-doc'

console.log(mappingMarkdown())
