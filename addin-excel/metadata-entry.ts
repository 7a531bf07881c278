/** Build-time entry (Node bundle, see webpack/excel.config.js): the metadata files from the catalogue. */
import { CATALOGUE } from '../core/functions';
import { metadataFiles } from './metadata';

export const files = (): Record<string, string> => metadataFiles(CATALOGUE);
