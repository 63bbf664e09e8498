// The leaderboard widget, for an <iframe>: /widget.html?period=week&sport=RUNNING&metric=distance&limit=10 (also
// scope, default global, and periodId, default the current period in the viewer's time zone; period=live is today
// with the workouts still in progress, distance only). The top N arrives by
// server-sent events each time the board changes, and rows glide to their new places. Signed in (at the users
// service, /stride/sign-in.js), the viewer's own row is marked, or shown below the top when they are further down. No
// external scripts or fonts.
'use strict';

const Widget = (() => {
    const $ = id => document.getElementById(id);
    const params = new URLSearchParams(location.search);
    const PERIODS = {day: 'Today', live: 'Today, live', week: 'This week', month: 'This month', year: 'This year', all: 'All time'};
    const METRICS = {distance: 'distance', 'moving-time': 'moving time', 'elevation-gain': 'elevation gain',
        calories: 'calories', workouts: 'workouts', longest: 'longest workout'};
    const scope = params.get('scope') || 'global';
    const period = params.get('period') || 'week';
    const sport = (params.get('sport') || 'ALL').toUpperCase();
    const metric = params.get('metric') || 'distance';
    const limit = Math.min(100, Math.max(1, parseInt(params.get('limit'), 10) || 10));
    const periodId = params.get('periodId') || currentPeriod(period, new Date());
    const board = '/api/v1/leaderboards/' + [scope, period, periodId, sport, metric].map(encodeURIComponent).join('/');

    let signIn = null;           // the sign-in handle (/stride/sign-in.js)
    let shown = null;            // the last pushed top N
    const ranks = new Map();     // athlete id → rank last shown

    // The period the viewer is in now, as the boards name periods (ISO weeks: the week of the Thursday).
    function currentPeriod(kind, now) {
        const pad = n => String(n).padStart(2, '0');
        const y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
        switch (kind) {
            case 'day':
            case 'live': return y + '-' + pad(m) + '-' + pad(d);
            case 'week': {
                const thursday = new Date(Date.UTC(y, m - 1, d));
                thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
                const year = thursday.getUTCFullYear();
                const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
                return year + '-W' + pad(week);
            }
            case 'month': return y + '-' + pad(m);
            case 'year': return String(y);
            default: return 'all';
        }
    }

    const fmt = {
        value: (v, unit) => {
            if (unit === 'm') {
                return metric === 'elevation-gain' || v < 1000 ? Math.round(v) + ' m' : (v / 1000).toFixed(2) + ' km';
            }
            if (unit === 's') {
                const s = Math.round(v), h = Math.floor(s / 3600), min = Math.floor(s % 3600 / 60);
                return h + ':' + String(min).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
            }
            if (unit === 'kcal') return Math.round(v) + ' kcal';
            return v + (v === 1 ? ' workout' : ' workouts');
        },
        name: entry => entry.display_name || 'Athlete ' + entry.athlete_id.slice(0, 4),
        sport: s => s === 'ALL' ? 'all sports' : s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' '),
    };

    // --- the board -------------------------------------------------------------------------------------------
    function row(entry, unit) {
        const li = document.createElement('li');
        li.dataset.athlete = entry.athlete_id;
        for (const [cls, text] of [['rank', entry.rank], ['name', fmt.name(entry)], ['value', fmt.value(entry.value, unit)]]) {
            const span = document.createElement('span');
            span.className = cls;
            span.textContent = text;
            li.appendChild(span);
        }
        return li;
    }

    // Redraws the list, then moves each row from where it was to where it is (FLIP), marking rank changes.
    function render(view) {
        shown = view;
        const list = $('board');
        const before = new Map([...list.children].map(li => [li.dataset.athlete, li.getBoundingClientRect().top]));
        list.replaceChildren(...view.entries.map(entry => row(entry, view.unit)));
        $('empty').hidden = view.entries.length > 0;
        $('size').textContent = view.size + (view.size === 1 ? ' athlete' : ' athletes');
        const bottom = list.getBoundingClientRect().bottom;
        for (const li of list.children) {
            const athlete = li.dataset.athlete;
            const entry = view.entries.find(e => e.athlete_id === athlete);
            const was = ranks.get(athlete);
            // a row new to the top came up from below it
            const entered = was === undefined && before.size > 0;
            if (entered || was !== undefined && was !== entry.rank) {
                li.classList.add(entered || entry.rank < was ? 'moved-up' : 'moved-down');
            }
            const top = li.getBoundingClientRect().top;
            const from = before.has(athlete) ? before.get(athlete) : entered ? bottom : top;
            const shift = from - top;
            if (shift) {
                li.style.transform = 'translateY(' + shift + 'px)';
                li.getBoundingClientRect();   // the shifted place is drawn first
                li.style.transition = 'transform 600ms ease';
                li.style.transform = '';
            }
        }
        ranks.clear();
        view.entries.forEach(e => ranks.set(e.athlete_id, e.rank));
        document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
        mine().catch(() => {});
    }

    function listen() {
        // the board at once, then its changes (the stream's first answer comes at its next read, within a second)
        fetch(board + '?limit=' + limit).then(r => r.ok ? r.json() : null).then(view => {
            if (view && !shown) render(view);
        }).catch(() => {});
        const events = new EventSource(board + '/stream?limit=' + limit);
        events.onopen = () => { $('status').textContent = 'live'; $('status').className = 'status live'; };
        events.onmessage = message => render(JSON.parse(message.data));
        // the browser reconnects by itself; a bad board answers 400 once and is closed
        events.onerror = () => {
            $('status').className = 'status';
            if (events.readyState === EventSource.CLOSED) {
                fetch(board + '?limit=1').then(r => r.json()).then(problem => {
                    $('status').textContent = problem.message || 'unavailable';
                }).catch(() => { $('status').textContent = 'unavailable'; });
            } else {
                $('status').textContent = 'reconnecting…';
            }
        };
    }

    // --- the viewer's own row ----------------------------------------------------------------------------------
    async function mine() {
        const me = $('me');
        const session = signIn.current();
        if (!session || !shown) {
            me.hidden = true;
            return;
        }
        const response = await authorized(board + '/athletes/' + session.athlete + '?neighbours=0');
        me.hidden = false;
        me.replaceChildren();
        if (response.status === 404) {
            me.textContent = 'You are not on this board yet.';
            return;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const standing = await response.json();
        const listed = $('board').querySelector('li[data-athlete="' + session.athlete + '"]');
        if (listed) {
            listed.classList.add('mine');
            me.hidden = true;
            return;
        }
        const entry = {...standing.athlete, display_name: standing.athlete.display_name || 'You'};
        me.append(...row(entry, standing.unit).children);
        if (standing.hidden) me.querySelector('.name').textContent += ' (hidden from others)';
    }

    async function authorized(path) {
        for (let attempt = 0; ; attempt++) {
            const response = await fetch(path, {headers: signIn.authorization()});
            if (response.status !== 401 || attempt > 0) return response;
            await signIn.refresh();
        }
    }

    function signedOut() {
        $('sign-in').hidden = false;
        $('sign-out').hidden = true;
        document.querySelectorAll('#board li.mine').forEach(li => li.classList.remove('mine'));
        $('me').hidden = true;
    }

    function init() {
        $('title').textContent = (PERIODS[period] || periodId) + ' · ' + fmt.sport(sport) + ' · '
            + (METRICS[metric] || metric);
        $('sign-in').addEventListener('click', () => {
            $('login-form').hidden = false;
            $('email').focus();
        });
        $('sign-out').addEventListener('click', () => signIn.signOut());
        signIn = StrideSignIn.bind({
            onSignedIn: () => {
                $('sign-in').hidden = true;
                $('sign-out').hidden = false;
                mine().catch(e => { $('status').textContent = e.message; });
            },
            onSignedOut: signedOut,
        });
        listen();
    }

    return {init, currentPeriod};
})();

Widget.init();
