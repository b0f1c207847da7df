#pragma once

// The public API is everything the installed headers declare: each public header puts its
// declarations between DPSLINT_API_BEGIN and DPSLINT_API_END. The library itself is compiled with
// hidden visibility, so a shared libdpslint exports exactly these declarations and keeps its
// internals (lib/src, the rule implementations) to itself. A new declaration in a public header
// is exported without further ado; one in lib/src never is.
#if defined(__GNUC__) || defined(__clang__)
#define DPSLINT_API_BEGIN _Pragma("GCC visibility push(default)")
#define DPSLINT_API_END _Pragma("GCC visibility pop")
#else
#define DPSLINT_API_BEGIN
#define DPSLINT_API_END
#endif
