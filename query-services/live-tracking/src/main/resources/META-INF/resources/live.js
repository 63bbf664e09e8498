// Shared by the live-tracking page (/) and the shared-workout page (/watch/): rendering of workouts in progress,
// their routes, and reading a server-sent event stream with fetch() (which, unlike EventSource, can send an
// Authorization header, so no credential ever goes into a URL).
'use strict';

const Live = (() => {
    const palette = ['#fc5200', '#2ea8ff', '#3fb950', '#d2a8ff', '#f2cc60', '#ff7b72', '#56d4dd', '#e3b341'];
    const trails = new Map();   // key (see keyOf) -> [{lat, lon}] positions seen by this page
    const colours = new Map();
    // A workout without a fix for this long is no longer shown as in progress.
    const STALE_AFTER_MS = 10 * 60 * 1000;

    function colourOf(id) {
        if (!colours.has(id)) colours.set(id, palette[colours.size % palette.length]);
        return colours.get(id);
    }

    // What a workout is keyed by (route, colour): its id on the signed-in page. A shared view carries no workout id
    // (a share link must not reveal it), only the share link's id, which is just as stable for the page's purposes.
    function keyOf(w) { return w.workout_id ?? w.share_link_id; }
    // The first column: the start of the workout id on the signed-in page; for a shared view, when it started.
    function labelOf(w) {
        if (w.workout_id) return w.workout_id.slice(0, 8);
        if (!w.started_at) return 'shared';
        return 'since ' + new Date(w.started_at).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
    }

    function fmtDistance(m) { return m >= 1000 ? (m / 1000).toFixed(2) + ' km' : m.toFixed(0) + ' m'; }
    function fmtSpeed(v) { return v == null ? '–' : (v * 3.6).toFixed(1) + ' km/h'; }
    // minutes:seconds per kilometre, as runners read it
    function fmtPace(secondsPerKm) {
        if (secondsPerKm == null || !isFinite(secondsPerKm)) return '–';
        const s = Math.round(secondsPerKm);
        return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') + ' /km';
    }
    function fmtDuration(ms) {
        if (ms == null) return '–';
        const s = Math.round(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
        const mmss = String(m).padStart(h ? 2 : 1, '0') + ':' + String(s % 60).padStart(2, '0');
        return h ? h + ':' + mmss : mmss;
    }
    // Runners, walkers and hikers read pace; everyone else speed.
    const PACE_SPORTS = new Set(['RUNNING', 'WALKING', 'HIKING']);
    function fmtPaceOrSpeed(w) {
        return PACE_SPORTS.has(w.sport) ? fmtPace(w.current_pace_seconds_per_km) : fmtSpeed(w.speed_meters_per_second);
    }
    function fmtAge(iso) {
        const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
        return s < 60 ? s + ' s ago' : Math.round(s / 60) + ' min ago';
    }

    // Rows of the table; `extra(w)` may return a cell element appended to each row.
    function render(tbody, empty, canvas, workouts, extra) {
        tbody.replaceChildren(...workouts.map(w => {
            const row = document.createElement('tr');
            if (w.workout_id) row.dataset.workoutId = w.workout_id;
            else row.dataset.shareLinkId = w.share_link_id;
            const cells = [labelOf(w), fmtDistance(w.distance_meters), fmtPaceOrSpeed(w),
                fmtDuration(w.moving_time_millis), w.heart_rate_bpm == null ? '–' : w.heart_rate_bpm + ' bpm',
                w.sample_count, fmtAge(w.last_recorded_at)];
            cells.forEach((text, i) => {
                const td = document.createElement('td');
                if (i === 0) {
                    const swatch = document.createElement('span');
                    swatch.className = 'swatch';
                    swatch.style.background = colourOf(keyOf(w));
                    td.append(swatch);
                }
                td.append(String(text));
                row.append(td);
            });
            if (extra) row.append(extra(w));
            return row;
        }));
        if (empty) empty.hidden = workouts.length > 0;
        for (const w of workouts) {
            if (!w.last_position) continue;
            const trail = trails.get(keyOf(w)) || [];
            const last = trail[trail.length - 1];
            if (!last || last.lat !== w.last_position.latitude || last.lon !== w.last_position.longitude) {
                trail.push({lat: w.last_position.latitude, lon: w.last_position.longitude});
                if (trail.length > 2000) trail.shift();
            }
            trails.set(keyOf(w), trail);
        }
        draw(canvas, new Set(workouts.map(keyOf)));
    }

    // Equirectangular projection fitted to every trail: no map tiles, just the routes.
    function draw(canvas, active) {
        const ctx = canvas.getContext('2d');
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        const points = [...trails.entries()].filter(([id]) => active.has(id)).flatMap(([, t]) => t);
        if (points.length === 0) return;
        const minLat = Math.min(...points.map(p => p.lat)), maxLat = Math.max(...points.map(p => p.lat));
        const minLon = Math.min(...points.map(p => p.lon)), maxLon = Math.max(...points.map(p => p.lon));
        const k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
        const spanX = Math.max((maxLon - minLon) * k, 0.002), spanY = Math.max(maxLat - minLat, 0.002);
        const pad = 24, scale = Math.min((canvas.width - 2 * pad) / spanX, (canvas.height - 2 * pad) / spanY);
        const cx = (minLon + maxLon) / 2, cy = (minLat + maxLat) / 2;
        const x = lon => canvas.width / 2 + (lon - cx) * k * scale;
        const y = lat => canvas.height / 2 - (lat - cy) * scale;
        for (const [id, trail] of trails) {
            if (!active.has(id) || trail.length === 0) continue;
            ctx.strokeStyle = colourOf(id);
            ctx.lineWidth = 3;
            ctx.beginPath();
            trail.forEach((p, i) => i === 0 ? ctx.moveTo(x(p.lon), y(p.lat)) : ctx.lineTo(x(p.lon), y(p.lat)));
            ctx.stroke();
            const head = trail[trail.length - 1];
            ctx.fillStyle = colourOf(id);
            ctx.beginPath();
            ctx.arc(x(head.lon), y(head.lat), 6, 0, 2 * Math.PI);
            ctx.fill();
        }
    }

    // Reads a text/event-stream response with fetch(); calls onData with each event's parsed JSON data. Resolves
    // when the server ends the stream (e.g. the access token expired) and rejects on an HTTP error or network failure.
    async function stream(url, headers, onData, signal) {
        const response = await fetch(url, {headers: {...headers, Accept: 'text/event-stream'}, signal});
        if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            const error = new Error(problem.message || ('HTTP ' + response.status));
            error.status = response.status;
            throw error;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
            const {value, done} = await reader.read();
            if (done) return;
            buffer += value;
            let end;
            while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
                const data = block.split(/\r?\n/).filter(l => l.startsWith('data:'))
                    .map(l => l.slice(5).replace(/^ /, '')).join('\n');
                if (data) onData(JSON.parse(data));
            }
        }
    }

    return {render, stream, STALE_AFTER_MS};
})();
