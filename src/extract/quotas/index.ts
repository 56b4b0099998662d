import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';

export const quotasExtractor: Extractor = {
  name: 'quotas',
  extract() {
    return result({ quotas: [] });
  },
};
