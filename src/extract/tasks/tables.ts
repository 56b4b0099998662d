import type { Span } from '../../model/span.js';
import { DEADLINE_COLUMN, NUMBER_COLUMN, TASK_COLUMN } from '../lexicon/tasks.js';
import { roleOfLabel } from '../lexicon/units.js';
import type { Region } from '../regions.js';

/** A row of a task table: its number in the table (the header being row 0), span and item text. */
export interface TaskRow {
  block: number;
  row: number;
  span: Span;
  item?: Region;
  /** Cells that rows above share with this one (a 责任单位 cell merged over several rows). */
  shared: Span[];
}

/**
 * The rows of the tables that assign work: a table with an item column (事项, 工作任务 …) and a
 * unit or deadline column, in any order. A row whose number cell is empty continues the row
 * above it, as a cell wrapped over a page comes out of a PDF.
 */
export function taskRows(regions: readonly Region[]): TaskRow[] {
  const byTable = new Map<number, Region[]>();
  for (const region of regions) {
    if (region.cell === undefined) continue;
    const cells = byTable.get(region.cell.block);
    if (cells === undefined) byTable.set(region.cell.block, [region]);
    else cells.push(region);
  }
  const rows: TaskRow[] = [];
  for (const [block, cells] of byTable) {
    const headers = cells.filter((cell) => cell.cell!.row === 0).map((cell) => cell.cell!.header);
    const assigns = headers.some((header) => TASK_COLUMN.test(header)) && headers.some((header) => roleOfLabel(header) !== undefined || DEADLINE_COLUMN.test(header));
    if (!assigns) continue;
    const hasNumberColumn = headers.some((header) => NUMBER_COLUMN.test(header));
    const numbered = new Set(cells.filter((cell) => NUMBER_COLUMN.test(cell.cell!.header)).map((cell) => cell.cell!.row));
    const byRow = new Map<number, TaskRow>();
    const tableRows: TaskRow[] = [];
    for (const cell of cells) {
      const place = cell.cell!;
      if (place.row <= 0) continue;
      let row = byRow.get(place.row);
      if (row === undefined) {
        const above = tableRows.at(-1);
        if (hasNumberColumn && !numbered.has(place.row) && above !== undefined) {
          above.span = [above.span[0], Math.max(above.span[1], cell.span[1])];
          continue;
        }
        row = { block, row: place.row, span: [cell.span[0], cell.span[1]], shared: [] };
        byRow.set(place.row, row);
        tableRows.push(row);
      }
      row.span = [Math.min(row.span[0], cell.span[0]), Math.max(row.span[1], cell.span[1])];
      if (TASK_COLUMN.test(place.header) && row.item === undefined) row.item = cell;
    }
    for (const cell of cells) {
      const place = cell.cell!;
      for (let below = place.row + 1; below <= place.lastRow; below += 1) byRow.get(below)?.shared.push(cell.span);
    }
    rows.push(...tableRows);
  }
  return rows;
}
