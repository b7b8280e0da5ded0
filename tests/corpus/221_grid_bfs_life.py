# tier0: grid maze BFS with tuple coordinates (set of walls, dict of distances and parents), path rendering, Game of Life on a set of tuples
import bodo


@bodo.jit
def parse(lines):
    walls = set()
    start = (0, 0)
    goal = (0, 0)
    for r, line in enumerate(lines):
        for c, ch in enumerate(line):
            if ch == "#":
                walls.add((r, c))
            elif ch == "S":
                start = (r, c)
            elif ch == "G":
                goal = (r, c)
    return walls, start, goal, len(lines), len(lines[0])


@bodo.jit
def bfs(walls, start, goal, h, w):
    dist = {start: 0}
    prev = {}
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        r, c = cur
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nxt = (r + dr, c + dc)
            if 0 <= nxt[0] < h and 0 <= nxt[1] < w and nxt not in walls and nxt not in dist:
                dist[nxt] = dist[cur] + 1
                prev[nxt] = cur
                queue.append(nxt)
    if goal not in dist:
        return -1, []
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    path.reverse()
    return dist[goal], path


@bodo.jit
def render(lines, path):
    on = set(path)
    out = []
    for r, line in enumerate(lines):
        row = ""
        for c, ch in enumerate(line):
            row += "*" if (r, c) in on and ch == "." else ch
        out.append(row)
    return out


@bodo.jit
def neighbours_count(cells):
    counts = {}
    for (r, c) in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = (r + dr, c + dc)
                    counts[k] = counts.get(k, 0) + 1
    return counts


@bodo.jit
def life_step(cells):
    counts = neighbours_count(cells)
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in cells)}


maze = ["S..#....", ".#.#.##.", ".#...#..", ".####.#.", "......#G"]
walls, start, goal, h, w = parse(maze)
print(len(walls), start, goal)
d, path = bfs(walls, start, goal, h, w)
print(d, path[:5])
for line in render(maze, path):
    print(line)
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for _ in range(4):
    g = life_step(g)
print(sorted(g), sorted((r - 1, c - 1) for r, c in g) == sorted(glider))
print(sorted(neighbours_count({(0, 0)}).items())[:3])
