import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';

export const deadlinesExtractor: Extractor = {
  name: 'deadlines',
  extract() {
    return result({ deadlines: [] });
  },
};
