declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    /** Works (unlike addToDict, which throws: STACK.md). */
    remove(words: string[]): void;
  }
  export class Tokenizer {
    tokenize(text: string): string[];
  }
}
