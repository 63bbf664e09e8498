// Signing in at the users service, for every Stride page (live tracking, workout history, the leaderboard widget),
// served by each app from platform/http at /stride/sign-in.js. The page has a form #login-form (method post, so that
// a submit before this script is ready keeps the password out of the URL) with #email, #password, #totp (hidden until
// the account asks for a code) and #login-error; its /api/v1/page-config names the users service (users_url). Tokens
// live in the page's memory only, never in a URL or in storage, and are renewed ahead of their expiry.
'use strict';

const StrideSignIn = (() => {
    /**
     * Binds the page's sign-in form. onSignedIn(session) runs after a sign-in; onSignedOut(reason) after a sign-out or
     * when the tokens can no longer be renewed (reason: the error, or nothing). Returns the page's handle: config (the
     * page config, a promise), current() (the session, {access, athlete}, or null), authorization() (the header),
     * refresh(), signOut() (the athlete's choice: the users service ends the session) and signedOut(reason) (the
     * page lost the session: forgotten here only).
     */
    function bind({onSignedIn, onSignedOut}) {
        const $ = id => document.getElementById(id);
        let session = null;
        let usersUrl = null;
        let refreshTimer = null;
        const config = fetch('/api/v1/page-config').then(r => r.json()).then(c => {
            usersUrl = c.users_url;
            return c;
        });

        async function users(path, body, headers) {
            await config;
            const response = await fetch(usersUrl + path, {method: 'POST', headers: {'Content-Type': 'application/json',
                Accept: 'application/json', ...(headers || {})}, body: body == null ? null : JSON.stringify(body)});
            const json = await response.json().catch(() => ({}));
            if (!response.ok) {
                const error = new Error(json.message || ('HTTP ' + response.status));
                error.code = json.error;
                throw error;
            }
            return json;
        }

        function adopt(tokens) {
            const claims = JSON.parse(atob(tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
            session = {access: tokens.access_token, refresh: tokens.refresh_token, athlete: claims.sub};
            clearTimeout(refreshTimer);
            refreshTimer = setTimeout(() => refresh().catch(signedOut), Math.max(5, tokens.expires_in - 30) * 1000);
        }

        async function refresh() {
            adopt(await users('/api/v1/auth/refresh', {refresh_token: session.refresh}));
        }

        function signedOut(reason) {
            clearTimeout(refreshTimer);
            session = null;
            onSignedOut(reason);
        }

        function signOut() {
            const current = session;
            signedOut();
            if (current) users('/api/v1/auth/logout', null, {Authorization: 'Bearer ' + current.access}).catch(() => {});
        }

        const form = $('login-form');
        form.dataset.ready = 'true';
        form.addEventListener('submit', async event => {
            event.preventDefault();
            $('login-error').textContent = '';
            const body = {email: $('email').value, password: $('password').value};
            if (!$('totp').hidden && $('totp').value) body.totp_code = $('totp').value;
            try {
                adopt(await users('/api/v1/auth/login', body));
            } catch (e) {
                if (e.code === 'totp_required') {
                    $('totp').hidden = false;
                    $('totp').focus();
                }
                $('login-error').textContent = e.message;
                return;
            }
            $('password').value = '';
            $('totp').value = '';
            form.hidden = true;
            onSignedIn(session);
        });

        return {
            config,
            current: () => session,
            authorization: () => ({Authorization: 'Bearer ' + session.access}),
            refresh,
            signOut,
            signedOut,
        };
    }

    return {bind};
})();
