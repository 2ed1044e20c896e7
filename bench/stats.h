#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace tidemark::bench {

/// The p-th percentile (0–100) of `values`, interpolating between neighbours; 0 for none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::ranges::sort(values);
    const double rank = p / 100.0 * double(values.size() - 1);
    const auto lo = std::size_t(std::floor(rank));
    const auto hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

} // namespace tidemark::bench
