// Why a whole import file is refused before (or while) its rows are read. Problems of single cells
// are not errors: they travel with their rows (ImportRow.problems) so that one run reports them all.
import type { HeaderProblem } from '@shared/import/header'

export const IMPORT_FILE_ERROR_CODES = [
  'UNSUPPORTED_FORMAT',
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'TOO_MANY_ROWS',
  'MISSING_HEADER',
  'BAD_HEADER',
  'WRONG_SHEET',
  'FORMULA_CELL',
  'ENCRYPTED_WORKBOOK',
  'CORRUPT_WORKBOOK',
  'ENCODING',
  'MALFORMED_CSV',
] as const
export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number]

export interface ImportFileErrorDetails {
  /** BAD_HEADER: every unknown, missing and duplicate column */
  headerProblems?: HeaderProblem[]
  /** the row (as Excel numbers it) where the file was found wrong, when there is one */
  row?: number
  /** the column's header (or 第X列), when there is one */
  column?: string
}

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly details: ImportFileErrorDetails = {},
    /** the parser's own error, for logs */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'ImportFileError'
  }
}

/** The advice for a CSV we cannot decode: how to save one we can. */
export const SAVE_AS_UTF8_CSV = '请在 Excel 中打开文件，选择“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”后重新上传'
