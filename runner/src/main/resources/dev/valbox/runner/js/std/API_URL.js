// std:API_URL, what `import { API_URL } from "https://esm.town/v/std/API_URL"` gives a val: the site's URL, the base
// of its REST API (Val Town's https://api.val.town). Read from the run's VALTOWN_API_URL on every use, like the env
// itself, so a cached module never holds an earlier run's value.
'use strict';

var env = Deno.env;
Object.defineProperty(exports, 'API_URL', {
    enumerable: true,
    get: function () { return env.get('VALTOWN_API_URL'); }
});
