// Benchmark reference only (never part of the product): LEMON's NetworkSimplex on a bulk round
// written by bench/lemon.ts. Reads the round (little-endian int32: mentees, mentors, edges,
// objective, capacity[mentors], mentee[edges], mentor[edges], points[edges]), builds the flow
// network (not timed), then times run() only, like HiGHS's run(). Prints one JSON line.
//
// Network: each mentee supplies 1 unit, the sink takes all of them; mentee -> mentor arcs
// (capacity 1, cost -weight), mentor -> sink arcs (capacity = seats), and one mentee -> sink arc
// per mentee (cost 0) for "unmatched".
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

using namespace lemon;

static std::vector<int32_t> readInts(FILE* f, size_t count) {
  std::vector<int32_t> v(count);
  if (count > 0 && fread(v.data(), sizeof(int32_t), count, f) != count) {
    fprintf(stderr, "short read\n");
    std::exit(2);
  }
  return v;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: network-simplex <round.bin>\n");
    return 2;
  }
  FILE* f = fopen(argv[1], "rb");
  if (!f) return 2;
  std::vector<int32_t> head = readInts(f, 4);
  const int m = head[0], n = head[1], edges = head[2];
  const bool matchedFirst = head[3] == 1;
  std::vector<int32_t> capacity = readInts(f, n);
  std::vector<int32_t> mentee = readInts(f, edges);
  std::vector<int32_t> mentor = readInts(f, edges);
  std::vector<int32_t> points = readInts(f, edges);
  fclose(f);

  int64_t maxPoints = 0;
  for (int e = 0; e < edges; e++) maxPoints = std::max<int64_t>(maxPoints, points[e]);
  // max-matched-then-score: every pair is worth more than any total score of fewer pairs.
  const int64_t bonus = matchedFirst ? maxPoints * m + 1 : 0;

  // Nodes: mentees 0..m-1, mentors m..m+n-1, sink m+n. StaticDigraph wants arcs sorted by source.
  const int sink = m + n;
  std::vector<std::pair<int, int>> arcs;
  arcs.reserve(edges + m + n);
  std::vector<int64_t> cost;
  std::vector<int32_t> cap;
  cost.reserve(edges + m + n);
  cap.reserve(edges + m + n);
  std::vector<int> order(edges);
  // Edges grouped by mentee (stable counting sort), then each mentee's "unmatched" arc.
  std::vector<int> startOf(m + 1, 0);
  for (int e = 0; e < edges; e++) startOf[mentee[e] + 1]++;
  for (int i = 0; i < m; i++) startOf[i + 1] += startOf[i];
  std::vector<int> fill(startOf.begin(), startOf.end() - 1);
  for (int e = 0; e < edges; e++) order[fill[mentee[e]]++] = e;
  for (int i = 0; i < m; i++) {
    for (int k = startOf[i]; k < startOf[i + 1]; k++) {
      const int e = order[k];
      arcs.emplace_back(i, m + mentor[e]);
      cost.push_back(-(points[e] + bonus));
      cap.push_back(1);
    }
    arcs.emplace_back(i, sink);
    cost.push_back(0);
    cap.push_back(1);
  }
  for (int j = 0; j < n; j++) {
    arcs.emplace_back(m + j, sink);
    cost.push_back(0);
    cap.push_back(capacity[j]);
  }
  StaticDigraph g;
  g.build(m + n + 1, arcs.begin(), arcs.end());
  StaticDigraph::ArcMap<int64_t> costMap(g);
  StaticDigraph::ArcMap<int32_t> capMap(g);
  StaticDigraph::NodeMap<int32_t> supply(g, 0);
  for (int a = 0; a < (int)arcs.size(); a++) {
    costMap[g.arc(a)] = cost[a];
    capMap[g.arc(a)] = cap[a];
  }
  for (int i = 0; i < m; i++) supply[g.node(i)] = 1;
  supply[g.node(sink)] = -m;

  NetworkSimplex<StaticDigraph, int32_t, int64_t> simplex(g);
  simplex.costMap(costMap).upperMap(capMap).supplyMap(supply);
  // Wall time and this process's CPU time (the machine is shared: CPU time is what the solve used).
  timespec c0, c1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  const auto t0 = std::chrono::steady_clock::now();
  const auto status = simplex.run();
  const auto t1 = std::chrono::steady_clock::now();
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  if (status != NetworkSimplex<StaticDigraph, int32_t, int64_t>::OPTIMAL) {
    fprintf(stderr, "not optimal\n");
    return 3;
  }
  int64_t total = 0, matched = 0;
  for (int a = 0; a < (int)arcs.size(); a++) {
    const int source = arcs[a].first, target = arcs[a].second;
    if (source < m && target < sink && simplex.flow(g.arc(a)) > 0) {
      total += -cost[a] - bonus;
      matched++;
    }
  }
  const double cpuMs = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
  printf("{\"total\":%lld,\"matched\":%lld,\"runMs\":%.3f,\"cpuMs\":%.3f}\n", (long long)total,
         (long long)matched, std::chrono::duration<double, std::milli>(t1 - t0).count(), cpuMs);
  return 0;
}
