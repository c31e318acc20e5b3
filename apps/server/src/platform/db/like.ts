/** Escapes LIKE's wildcards so user text matches literally. */
export const escapeLike = (text: string) => text.replaceAll(/[\\%_]/g, (character) => `\\${character}`);
