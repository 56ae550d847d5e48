/** Set up for every test file: the temporary folders it made go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './site.ts';

afterAll(removeTempDirs);
