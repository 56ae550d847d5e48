/** Rendering one release file's body into the body cache, for the loader and its workers. */
import { writeBody } from './body-cache.ts';
import { BodyError, renderBody } from './release-body.ts';
import { readReleaseSource } from './release-file.ts';

/** A release file to render, the key to cache it under, and the cache folder. */
export interface RenderTask {
  file: string;
  key: string;
  cache: string;
}

/** Renders a file's body into the cache; returns what is wrong with the body, if anything. */
export function renderFileInto({ key, cache }: RenderTask, source: string): string | undefined {
  const { body } = readReleaseSource(source);
  const firstLine = source.slice(0, source.length - body.length).split('\n').length;
  try {
    writeBody(key, renderBody(body, firstLine), cache);
  } catch (error) {
    if (error instanceof BodyError) return error.message;
    throw error;
  }
  return undefined;
}
