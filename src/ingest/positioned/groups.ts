/**
 * The groups that `links` (pairs of indices) join `count` items into, each a list of indices in
 * ascending order, the groups in the order of their first item: rulings that touch one another
 * make one candidate table, on a drawn page as on a scan.
 */
export function groupsOf(count: number, links: Iterable<readonly [number, number]>): number[][] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  for (const [a, b] of links) parent[root(a)] = root(b);
  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index += 1) {
    const group = groups.get(root(index));
    if (group === undefined) groups.set(root(index), [index]);
    else group.push(index);
  }
  return [...groups.values()];
}
