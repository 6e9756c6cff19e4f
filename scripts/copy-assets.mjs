// `npm run build`, after tsc: the files the compiled server reads at run time, beside it in dist/.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/ui/static', { recursive: true });
cpSync('src/ui/static', 'dist/ui/static', { recursive: true });
cpSync('src/reference', 'dist/reference', { recursive: true });
