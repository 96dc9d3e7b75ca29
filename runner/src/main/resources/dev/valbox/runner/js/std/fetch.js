// std:fetch, what `import { fetch } from "https://esm.town/v/std/fetch"` gives a val. Val Town's std/fetch proxies
// requests; here it is the worker's own fetch (the same address checks, limits and redirect handling as the global),
// taken from the host API so that a val that replaced globalThis.fetch still gets the real one.
'use strict';

exports.fetch = host.fetch;
