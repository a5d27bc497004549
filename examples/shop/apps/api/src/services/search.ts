import type { Product } from './catalog';

export interface SearchOptions {
  ranking: 'v2' | 'v3';
  engine: 'solr' | 'typesense';
}

export const searchIndex = {
  async suggest(prefix: string): Promise<string[]> {
    return prefix ? [prefix] : [];
  },
  async query(text: string, options: SearchOptions): Promise<{ hits: Product[]; options: SearchOptions; text: string }> {
    return { hits: [], options, text };
  },
};
