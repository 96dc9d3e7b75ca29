// std:email, what `import { email } from "https://esm.town/v/std/email"` gives a val: Val Town's
// email({to?, subject?, text?, html?, cc?, bcc?, from?, replyTo?, attachments?}). One host call, "email.send", with
// POST /v1/email's body; the server checks the val token's email:write scope and the recipient rule exactly as the
// API does, and answers the API's {message}. `to` defaults (on the server) to the val author's own address.
'use strict';

function email(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        return Promise.reject(new TypeError('email takes an object: { to?, subject?, text?, html?, ... }'));
    }
    var body = {};
    Object.keys(options).forEach(function (key) {
        if (options[key] !== undefined) body[key] = options[key];
    });
    return host.call('email.send', body);
}

exports.email = email;
