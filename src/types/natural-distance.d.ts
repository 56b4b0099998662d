// natural's distance modules can be loaded one by one, which spares the start-up time of the
// whole package (its classifiers and corpora); only the package root ships types.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options: { dj?: number; ignoreCase?: boolean }): number;
}
