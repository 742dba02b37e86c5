import { quote } from '../diagnostics/diagnostic.js';
import { normalizeRoleCell } from '../roles/role-cell.js';
import { slugify } from '../util/slug.js';
import type { ActivityLayout } from './columns.js';
import type { TableData } from './table-data.js';

/** Column headers of tables whose letters are not RACI roles: HIPAA's Required/Addressable, access rights. */
const OTHER_HEADERS = new Set([
  'required',
  'addressable',
  'required-addressable',
  'read',
  'write',
  'read-write',
  'approve',
  'execute',
  'permission',
  'permissions',
  'access',
  'access-level',
  'rights',
]);

/** A header made of role letters alone (`R/A`, `R`): the column holds letters, it does not name a party. */
function isLetterHeader(header: string): boolean {
  const { roles, unknown } = normalizeRoleCell(header);
  return roles.length > 0 && unknown.length === 0;
}

/**
 * Why a table whose columns look like a matrix's is not a responsibility
 * matrix, or undefined when it is one: a party column named after letters or
 * permissions (`R/A`, `Read`), or cells that use W beside R and A (`R/W`).
 */
export function notRaciReason(table: TableData, layout: ActivityLayout): string | undefined {
  for (const column of layout.partyColumns) {
    const header = table.header[column]?.text ?? '';
    if (isLetterHeader(header) || OTHER_HEADERS.has(slugify(header))) {
      return `its column ${quote(header)} names letters or rights, not a party: its letters mean something else (such as Required and Addressable, or Read and Write)`;
    }
  }
  for (const row of table.rows) {
    for (const column of layout.partyColumns) {
      const text = row.cells[column]?.text ?? '';
      if (normalizeRoleCell(text).unknown.includes('W')) {
        return `its cells use W beside R and A (${quote(text)}): they are permissions (Read, Write, Approve), not responsibilities`;
      }
    }
  }
  return undefined;
}
