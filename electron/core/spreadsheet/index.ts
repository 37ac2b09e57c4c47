// The spreadsheet reader shared by every import (catalog, recaps): see README.md here.
export { sniff, type Sniffed } from './decode';
export { HEADER_SCAN_ROWS, HeaderVocabulary, detectHeaderRow, type HeaderCandidate } from './header-detect';
export { headerKey, headerKeyWithoutUnit, headerSignature } from './header-key';
export { LIMITS, type TableRow } from './limits';
export { MappingMemory, type RememberedLayout } from './mapping-memory';
export { RefusedRows } from './refused-rows';
export { createTableWriter, type Cell, type TableWriter, type TableWriterOptions } from './table-writer';
export { DEFAULT_BATCH_ROWS, openTable, type OpenTableOptions, type TableMeta, type TableSource } from './table-source';
export { centralDirectory, checkXlsxZip, readEntry, type ZipEntry } from './zip';
export { startEntryWorker, type WorkerEntry } from './worker-start';
export { runInBackground } from './background-thread';
