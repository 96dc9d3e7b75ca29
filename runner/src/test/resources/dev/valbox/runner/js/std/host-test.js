// Test-only standard library module (std:host-test, on the test classpath only): gives a test val the
// host API that real standard library modules (std:blob, std:sqlite, std:email) will use.
'use strict';
exports.call = function call(service, args) {
    return host.call(service, args);
};
