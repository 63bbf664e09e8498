// The workout history page: sign in at the users service, then the athlete's weekly totals, workouts, and one
// workout as athletes know it from Strava or Garmin (route fitted to its panel, per-km splits, pace, heart rate and
// elevation over distance, export). Tokens stay in this page's memory (never in a URL or in storage). No external
// scripts, fonts or map tiles: the route is drawn on a canvas in Web Mercator.
'use strict';

const History = (() => {
    const $ = id => document.getElementById(id);
    let signIn = null;         // the sign-in handle (/stride/sign-in.js)
    let cursor = null;
    let selected = null;

    // --- formatting -------------------------------------------------------------------------------------------
    const fmt = {
        km: m => m == null ? '–' : (m / 1000).toFixed(2) + ' km',
        duration: s => {
            if (s == null) return '–';
            s = Math.round(s);
            const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
            return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(sec).padStart(2, '0');
        },
        pace: s => {
            if (s == null || !isFinite(s)) return '–';
            const total = Math.round(s);
            return Math.floor(total / 60) + ':' + String(total % 60).padStart(2, '0') + ' /km';
        },
        speed: v => v == null ? '–' : (v * 3.6).toFixed(1) + ' km/h',
        bpm: b => b == null ? '–' : b + ' bpm',
        date: iso => new Date(iso).toLocaleDateString([], {weekday: 'short', day: 'numeric', month: 'short'}),
        sport: s => s ? s.charAt(0) + s.slice(1).toLowerCase() : '–',
    };
    // Cycling is read in km/h, everything else in pace.
    const paceOrSpeed = w => w.sport === 'CYCLING' ? fmt.speed(w.avg_speed_meters_per_second)
        : fmt.pace(w.avg_pace_seconds_per_km);

    // --- API --------------------------------------------------------------------------------------------------
    async function api(path, accept) {
        for (let attempt = 0; attempt < 2; attempt++) {
            const response = await fetch(path, {headers: {...signIn.authorization(),
                Accept: accept || 'application/json'}});
            if (response.status === 401 && attempt === 0) {
                await signIn.refresh();
                continue;
            }
            if (!response.ok) {
                const problem = await response.json().catch(() => ({}));
                const error = new Error(problem.message || ('HTTP ' + response.status));
                error.status = response.status;
                error.code = problem.error;
                throw error;
            }
            return accept ? response.blob() : response.json();
        }
    }

    function signedOut(reason) {
        $('history').hidden = true;
        $('logout').hidden = true;
        $('login-form').hidden = false;
        $('status').textContent = reason && reason.message ? reason.message : 'sign in to see your workouts';
    }

    // --- canvas helpers ---------------------------------------------------------------------------------------
    // A canvas drawn at its displayed size times the device pixel ratio, so lines stay sharp.
    function context(canvas) {
        const ratio = window.devicePixelRatio || 1;
        const width = canvas.clientWidth || canvas.width, height = canvas.clientHeight || canvas.height;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        const ctx = canvas.getContext('2d');
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.clearRect(0, 0, width, height);
        return {ctx, width, height};
    }

    function weekly(stats) {
        const {ctx, width, height} = context($('weekly'));
        const weeks = stats.weekly;
        const max = Math.max(1000, ...weeks.map(w => w.distance_meters));
        const pad = 22, bar = (width - 2 * pad) / weeks.length;
        ctx.font = '11px system-ui, sans-serif';
        weeks.forEach((w, i) => {
            const h = (height - 2 * pad) * w.distance_meters / max;
            ctx.fillStyle = i === weeks.length - 1 ? '#fc5200' : '#2ea8ff';
            ctx.fillRect(pad + i * bar + 3, height - pad - h, bar - 6, Math.max(h, w.workouts ? 2 : 0));
            if (w.distance_meters > 0) {
                ctx.fillStyle = '#e6edf3';
                ctx.textAlign = 'center';
                ctx.fillText((w.distance_meters / 1000).toFixed(0), pad + (i + .5) * bar, height - pad - h - 4);
            }
            if ((weeks.length - 1 - i) % 2 === 0) {   // every other week, counted from the current one
                ctx.fillStyle = '#8b98a5';
                ctx.textAlign = 'center';
                const d = new Date(w.week_start + 'T00:00:00Z');
                ctx.fillText(d.toLocaleDateString([], {day: 'numeric', month: 'short', timeZone: 'UTC'}),
                    pad + (i + .5) * bar, height - 6);
            }
        });
        const weeksTotal = weeks.reduce((sum, w) => sum + w.distance_meters, 0);
        const weeksTime = weeks.reduce((sum, w) => sum + w.duration_seconds, 0);
        const count = weeks.reduce((sum, w) => sum + w.workouts, 0);
        $('totals').innerHTML = '';
        [['Distance', fmt.km(weeksTotal)], ['Time', fmt.duration(weeksTime)], ['Workouts', String(count)],
            ['All-time', fmt.km(stats.totals.distance_meters)]].forEach(([label, value]) => {
            const span = document.createElement('span');
            span.append(label + ' ');
            const b = document.createElement('b');
            b.textContent = value;
            span.append(b);
            $('totals').append(span);
        });
    }

    // Web Mercator, fitted to the canvas with a margin; north up; a light grid instead of map tiles.
    function route(canvas, coordinates) {
        const {ctx, width, height} = context(canvas);
        ctx.strokeStyle = '#18222d';
        ctx.lineWidth = 1;
        for (let x = 0; x < width; x += 40) { ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, height); ctx.stroke(); }
        for (let y = 0; y < height; y += 40) { ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(width, y); ctx.stroke(); }
        if (!coordinates || coordinates.length < 2) return;
        const mx = lon => (lon + 180) / 360;
        const my = lat => { const s = Math.sin(lat * Math.PI / 180); return .5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); };
        const xs = coordinates.map(c => mx(c[0])), ys = coordinates.map(c => my(c[1]));
        const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
        const pad = 24;
        const scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1e-9), (height - 2 * pad) / Math.max(maxY - minY, 1e-9));
        const ox = (width - (maxX - minX) * scale) / 2, oy = (height - (maxY - minY) * scale) / 2;
        const px = i => ox + (xs[i] - minX) * scale, py = i => oy + (ys[i] - minY) * scale;
        ctx.lineJoin = 'round';
        ctx.lineCap = 'round';
        for (const [style, lineWidth] of [['rgba(255,255,255,.85)', 6], ['#fc5200', 3.5]]) {
            ctx.strokeStyle = style;
            ctx.lineWidth = lineWidth;
            ctx.beginPath();
            xs.forEach((_, i) => i === 0 ? ctx.moveTo(px(i), py(i)) : ctx.lineTo(px(i), py(i)));
            ctx.stroke();
        }
        for (const [i, colour] of [[0, '#3fb950'], [xs.length - 1, '#ff5d6c']]) {
            ctx.fillStyle = colour;
            ctx.strokeStyle = '#fff';
            ctx.lineWidth = 2;
            ctx.beginPath();
            ctx.arc(px(i), py(i), 6, 0, 2 * Math.PI);
            ctx.fill();
            ctx.stroke();
        }
    }

    // A series over distance: line (and area for elevation), y-axis labels, x-axis in km. `invert`: smaller is higher
    // (pace: faster at the top, as Strava draws it).
    function chart(canvas, distances, values, {colour, format, invert, area}) {
        const {ctx, width, height} = context(canvas);
        const points = distances.map((d, i) => [d, values[i]]).filter(([d, v]) => d != null && v != null && isFinite(v));
        if (points.length < 2) {
            ctx.fillStyle = '#8b98a5';
            ctx.font = '12px system-ui, sans-serif';
            ctx.fillText('not recorded', 12, 22);
            return;
        }
        const left = 56, right = 12, top = 10, bottom = 20;
        const maxD = Math.max(...points.map(p => p[0]));
        let lo = Math.min(...points.map(p => p[1])), hi = Math.max(...points.map(p => p[1]));
        if (hi - lo < 1e-6) { lo -= 1; hi += 1; }
        const span = hi - lo;
        lo -= span * .08;
        hi += span * .08;
        const x = d => left + (width - left - right) * d / Math.max(maxD, 1);
        const y = v => invert ? top + (height - top - bottom) * (v - lo) / (hi - lo)
            : height - bottom - (height - top - bottom) * (v - lo) / (hi - lo);
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#8b98a5';
        ctx.strokeStyle = '#253040';
        ctx.lineWidth = 1;
        for (let k = 0; k <= 2; k++) {
            const v = lo + (hi - lo) * k / 2;
            ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(width - right, y(v)); ctx.stroke();
            ctx.textAlign = 'right';
            ctx.fillText(format(v), left - 6, y(v) + 4);
        }
        const stepKm = maxD > 20000 ? 5 : maxD > 8000 ? 2 : 1;
        ctx.textAlign = 'center';
        for (let km = 0; km * 1000 <= maxD; km += stepKm) ctx.fillText(km + ' km', x(km * 1000), height - 5);
        ctx.beginPath();
        points.forEach(([d, v], i) => i === 0 ? ctx.moveTo(x(d), y(v)) : ctx.lineTo(x(d), y(v)));
        if (area) {
            ctx.lineTo(x(points[points.length - 1][0]), height - bottom);
            ctx.lineTo(x(points[0][0]), height - bottom);
            ctx.closePath();
            ctx.fillStyle = colour + '55';
            ctx.fill();
        } else {
            ctx.strokeStyle = colour;
            ctx.lineWidth = 2;
            ctx.stroke();
        }
    }

    // --- rendering --------------------------------------------------------------------------------------------
    function row(w) {
        const tr = document.createElement('tr');
        tr.dataset.workoutId = w.workout_id;
        [fmt.date(w.start_time), fmt.sport(w.sport), fmt.km(w.distance_meters),
            fmt.duration(w.moving_time_seconds ?? w.duration_seconds), paceOrSpeed(w), fmt.bpm(w.avg_heart_rate_bpm)]
            .forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.append(td); });
        tr.onclick = () => { location.hash = 'workout=' + w.workout_id; };
        return tr;
    }

    function figure(label, value) {
        const div = document.createElement('div');
        div.className = 'figure';
        const v = document.createElement('div');
        v.className = 'value';
        v.textContent = value;
        const l = document.createElement('div');
        l.className = 'label';
        l.textContent = label;
        div.append(v, l);
        return div;
    }

    function showDetails(details, routeMap) {
        const s = details.summary;
        $('detail').hidden = false;
        $('detail-title').textContent = s.title || (fmt.sport(s.sport) + ' · ' + fmt.date(s.start_time));
        $('detail-when').textContent = new Date(s.start_time).toLocaleString([], {dateStyle: 'medium',
            timeStyle: 'short'}) + ' · ' + fmt.sport(s.sport);
        $('detail-tags').replaceChildren(...(s.tags || []).map(t => {
            const span = document.createElement('span');
            span.className = 'tag';
            span.textContent = t;
            return span;
        }));
        $('figures').replaceChildren(
            figure('Distance', fmt.km(s.distance_meters)),
            figure('Moving time', fmt.duration(s.moving_time_seconds ?? s.duration_seconds)),
            figure(s.sport === 'CYCLING' ? 'Avg speed' : 'Avg pace', paceOrSpeed(s)),
            figure('Elevation gain', s.elevation_gain_meters == null ? '–' : Math.round(s.elevation_gain_meters) + ' m'),
            figure('Avg heart rate', fmt.bpm(s.avg_heart_rate_bpm)),
            figure('Calories', s.calories_kcal == null ? '–' : Math.round(s.calories_kcal) + ' kcal'));
        const splits = details.splits || [];
        const fastest = Math.min(...splits.map(sp => sp.pace_seconds_per_km ?? Infinity));
        $('splits').replaceChildren(...splits.map(sp => {
            const tr = document.createElement('tr');
            const km = sp.distance_meters >= 999.5 ? String(sp.number) : (sp.distance_meters / 1000).toFixed(2);
            const cells = [km, fmt.pace(sp.pace_seconds_per_km), null,
                sp.elevation_change_meters == null ? '–' : (sp.elevation_change_meters >= 0 ? '+' : '')
                    + Math.round(sp.elevation_change_meters) + ' m', fmt.bpm(sp.avg_heart_rate_bpm)];
            cells.forEach(text => {
                const td = document.createElement('td');
                if (text === null) {
                    td.className = 'bar';
                    const bar = document.createElement('span');
                    bar.style.width = sp.pace_seconds_per_km ? Math.round(100 * fastest / sp.pace_seconds_per_km) + '%' : '0';
                    td.append(bar);
                } else {
                    td.textContent = text;
                }
                tr.append(td);
            });
            return tr;
        }));
        const series = details.series || {};
        route($('route'), routeMap ? routeMap.geojson.geometry.coordinates : null);
        $('route-note').textContent = routeMap ? routeMap.point_count + ' of ' + routeMap.original_point_count
            + ' points at zoom ' + routeMap.zoom : details.track_status === 'expired'
            ? 'Route no longer kept (coordinates are kept 6 months)' : 'No route recorded';
        const distances = series.distance_meters || [];
        chart($('pace-chart'), distances, series.pace_seconds_per_km || [], {colour: '#2ea8ff', invert: true,
            format: v => fmt.pace(v).replace(' /km', '')});
        chart($('hr-chart'), distances, series.heart_rate_bpm || [], {colour: '#ff5d6c', format: v => Math.round(v)});
        chart($('elevation-chart'), distances, series.altitude_meters || [], {colour: '#7ee787', area: true,
            format: v => Math.round(v) + ' m'});
    }

    // Zoom at which the route's extent fits the route canvas, so the server simplifies for what is drawn.
    function fitZoom(series, canvas) {
        const lats = (series.latitude || []).filter(v => v != null), lons = (series.longitude || []).filter(v => v != null);
        if (lats.length < 2) return null;
        const mx = lon => (lon + 180) / 360;
        const my = lat => { const s = Math.sin(lat * Math.PI / 180); return .5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); };
        const w = Math.max(mx(Math.max(...lons)) - mx(Math.min(...lons)), 1e-9);
        const h = Math.max(my(Math.min(...lats)) - my(Math.max(...lats)), 1e-9);
        const ratio = window.devicePixelRatio || 1;
        const width = canvas.clientWidth || canvas.width, height = canvas.clientHeight || canvas.height;
        const zoom = Math.floor(Math.log2(Math.min(width * ratio / (256 * w), height * ratio / (256 * h))));
        return Math.max(0, Math.min(22, zoom));
    }

    async function select(workoutId) {
        selected = workoutId;
        document.querySelectorAll('tbody#workouts tr').forEach(tr =>
            tr.classList.toggle('selected', tr.dataset.workoutId === workoutId));
        try {
            const details = await api('/api/v1/workouts/' + workoutId + '/details');
            $('detail').hidden = false;
            let routeMap = null;
            if (details.track_status === 'available') {
                const zoom = fitZoom(details.series, $('route'));
                routeMap = await api('/api/v1/workouts/' + workoutId + '/route' + (zoom == null ? '' : '?zoom=' + zoom))
                    .catch(() => null);
            }
            if (selected === workoutId) showDetails(details, routeMap);
        } catch (e) {
            $('status').textContent = e.status === 404 ? 'workout not found' : e.message;
        }
    }

    async function download(format) {
        const blob = await api('/api/v1/workouts/' + selected + '/export?format=' + format,
            format === 'gpx' ? 'application/gpx+xml' : 'application/vnd.garmin.tcx+xml');
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'workout-' + selected + '.' + format;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    async function loadMore() {
        const page = await api('/api/v1/workouts?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
        page.workouts.forEach(w => $('workouts').append(row(w)));
        cursor = page.next_cursor;
        $('more').hidden = !cursor;
        $('empty').hidden = $('workouts').children.length > 0;
        return page.workouts;
    }

    function fromHash() {
        const match = /workout=([0-9a-f-]{36})/.exec(location.hash);
        return match ? match[1] : null;
    }

    async function start() {
        $('workouts').replaceChildren();
        cursor = null;
        $('status').textContent = 'loading…';
        const [stats, first] = await Promise.all([api('/api/v1/workouts/stats?weeks=12'), loadMore()]);
        weekly(stats);
        $('status').textContent = stats.totals.workouts + ' workouts · ' + fmt.km(stats.totals.distance_meters) + ' in all';
        const wanted = fromHash() || (first[0] && first[0].workout_id);
        if (wanted) await select(wanted);
    }

    function init() {
        signIn = StrideSignIn.bind({
            onSignedIn: () => {
                $('history').hidden = false;
                $('logout').hidden = false;
                start().catch(e => { $('status').textContent = e.message; });
            },
            onSignedOut: signedOut,
        });
        $('logout').addEventListener('click', () => signIn.signOut());
        $('more').addEventListener('click', () => loadMore().catch(e => { $('status').textContent = e.message; }));
        $('export-gpx').addEventListener('click', () => download('gpx').catch(e => { $('status').textContent = e.message; }));
        $('export-tcx').addEventListener('click', () => download('tcx').catch(e => { $('status').textContent = e.message; }));
        window.addEventListener('hashchange', () => { const id = fromHash(); if (signIn.current() && id) select(id); });
    }

    return {init, fmt};
})();

History.init();
