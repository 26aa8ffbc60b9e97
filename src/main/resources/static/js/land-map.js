// Draws the land map (/land/map) with Leaflet: the parcels of /api/land/map coloured by their state on the chosen
// day, over the outlines of /api/land/boundaries (county, townships, villages) when they are loaded. No tile layer:
// the machines are offline, so the background is plain. The colours match .swatch in css/ronghe.css.
(function () {
    'use strict';
    var el = document.getElementById('land-map');
    var status = document.getElementById('map-status');
    if (!el) {
        return;
    }
    if (!window.L) {
        status.textContent = '地图组件未能加载，请刷新页面';
        return;
    }
    var COLOURS = {TRANSFERRED: '#2e7d32', LISTED: '#ef8a17', FREE: '#b0b7bf'};
    // Gaoping until the data tell where to look
    var map = L.map(el, {preferCanvas: true, zoomSnap: 0.25, minZoom: 5, maxZoom: 19, attributionControl: false,
        zoomControl: false})
        .setView([35.79, 112.92], 11);
    L.control.zoom({zoomInTitle: '放大', zoomOutTitle: '缩小'}).addTo(map);
    L.control.scale({imperial: false}).addTo(map);

    function load(url) {
        return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(function (r) {
            return r.json().catch(function () { return {}; }).then(function (body) {
                if (!r.ok) {
                    throw new Error(body.detail || body.title || ('HTTP ' + r.status));
                }
                return body;
            });
        });
    }

    function entry(dl, term, value) {
        var dt = document.createElement('dt');
        var dd = document.createElement('dd');
        dt.textContent = term;
        if (typeof value === 'string') {
            dd.textContent = value;
        } else {
            dd.appendChild(value);
        }
        dl.appendChild(dt);
        dl.appendChild(dd);
    }

    // 亩 with two decimals, as the registry keeps them (JSON drops trailing zeros)
    function mu(value) {
        return Number(value).toFixed(2);
    }

    // built from DOM nodes, never from HTML strings: names come from imported files
    // Leaflet inserts string tooltips as HTML: names come from imported data, so they go in as text nodes only
    function asText(value) {
        var span = document.createElement('span');
        span.textContent = value == null ? '' : String(value);
        return span;
    }

    function popup(p) {
        var box = document.createElement('div');
        box.className = 'parcel-popup';
        var title = document.createElement('strong');
        title.textContent = p.name;
        box.appendChild(title);
        var dl = document.createElement('dl');
        entry(dl, '地块编码', p.code);
        entry(dl, '位置', (p.township_name ? p.township_name + ' ' : '') + p.village);
        entry(dl, '面积', mu(p.area_mu) + ' 亩 · ' + p.land_type_label + (p.basic_farmland ? ' · 永久基本农田' : ''));
        entry(dl, '状态', p.state_label);
        if (p.state === 'TRANSFERRED') {
            entry(dl, '受让方', p.transferee);
            entry(dl, '流转', mu(p.transferred_mu) + ' 亩，' + p.transfer_start + ' 至 ' + p.transfer_end);
            var link = document.createElement('a');
            link.href = el.getAttribute('data-transfer-base') + p.transfer_id;
            link.textContent = '查看流转记录';
            entry(dl, '', link);
        }
        box.appendChild(dl);
        return box;
    }

    function legend(features) {
        var totals = {};
        features.forEach(function (f) {
            var t = totals[f.properties.state] || (totals[f.properties.state] = {n: 0, mu: 0});
            t.n += 1;
            t.mu += Number(f.properties.area_mu);
        });
        Array.prototype.forEach.call(document.querySelectorAll('#map-legend [data-count]'), function (span) {
            var t = totals[span.getAttribute('data-count')] || {n: 0, mu: 0};
            span.textContent = t.n + ' 块，' + t.mu.toFixed(2) + ' 亩';
        });
    }

    Promise.all([load(el.getAttribute('data-parcels')), load(el.getAttribute('data-boundaries'))]).then(function (data) {
        var parcels = data[0];
        var outlines = data[1];
        var outlineLayer = L.geoJSON(outlines, {
            interactive: false,
            style: function (f) {
                var level = f.properties.level;
                return {color: '#37474f', weight: level === 'COUNTY' ? 3 : level === 'TOWNSHIP' ? 2 : 1,
                    dashArray: level === 'COUNTY' ? null : '6 4', fill: false};
            },
            onEachFeature: function (f, layer) {
                if (f.properties.level === 'TOWNSHIP') {
                    layer.bindTooltip(asText(f.properties.name), {permanent: true, direction: 'center', className: 'division-label'});
                }
            }
        }).addTo(map);
        var parcelLayer = L.geoJSON(parcels, {
            style: function (f) {
                var p = f.properties;
                return {color: p.basic_farmland ? '#1b4332' : '#4a4a4a', weight: p.basic_farmland ? 3 : 1,
                    fillColor: COLOURS[p.state], fillOpacity: 0.75};
            },
            onEachFeature: function (f, layer) {
                layer.bindPopup(popup(f.properties));
                layer.bindTooltip(asText(f.properties.name + '（' + f.properties.state_label + '）'));
            }
        }).addTo(map);
        legend(parcels.features);
        var drawn = parcels.features.length;
        if (drawn > 0) {
            map.fitBounds(parcelLayer.getBounds(), {padding: [24, 24], maxZoom: 18});
        } else if (outlines.features.length > 0) {
            map.fitBounds(outlineLayer.getBounds(), {padding: [12, 12]});
        }
        var text = drawn > 0 ? '图上共 ' + drawn + ' 块地（' + parcels.on + '）' : '所选范围内没有已登记边界的地块';
        if (parcels.withoutBoundary > 0) {
            text += '；另有 ' + parcels.withoutBoundary + ' 块地尚未登记边界，未画出';
        }
        if (parcels.truncated) {
            text += '；地块过多，只画出前 ' + drawn + ' 块，请选择乡镇';
        }
        status.textContent = text + '。';
        el.setAttribute('data-drawn', String(drawn));
    }).catch(function (e) {
        status.textContent = '地图数据加载失败：' + e.message;
        el.setAttribute('data-drawn', 'error');
    });
})();
