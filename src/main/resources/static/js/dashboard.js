// Draws the dashboard's charts from its tables, so charts and tables cannot disagree.
(function () {
    if (!window.echarts) {
        return;
    }
    function rows(id) {
        return Array.prototype.map.call(document.querySelectorAll('#' + id + ' tbody tr'), function (tr) {
            return Array.prototype.map.call(tr.querySelectorAll('td'), function (td) { return td.textContent.trim(); });
        }).filter(function (r) { return r.length > 2; });
    }
    var toolbox = {feature: {saveAsImage: {title: '导出图片'}}};
    function bars(elId, names, series, horizontal) {
        var el = document.getElementById(elId);
        if (!el) {
            return;
        }
        if (names.length === 0) {
            el.style.display = 'none';
            return;
        }
        // long names (领域, units) are cut to 12 characters; the table beside the chart has them in full
        var category = {type: 'category', data: names, axisLabel: {interval: 0, formatter: function (v) {
            return v.length > 12 ? v.slice(0, 12) + '…' : v;
        }}};
        var value = {type: 'value', minInterval: 1};
        echarts.init(el).setOption({
            tooltip: {trigger: 'axis'}, toolbox: toolbox,
            legend: {data: series.map(function (s) { return s.name; })},
            grid: {left: horizontal ? 170 : 40, right: 20, top: 30, bottom: 30},
            xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
            series: series
        });
    }
    var areas = rows('areas');
    // the 领域 without its outline number
    bars('area-chart', areas.map(function (r) { return r[1].replace(/^\d+(\.\d+)*\s+/, ''); }),
        [{name: '进度(%)', type: 'bar', data: areas.map(function (r) { return +r[3]; }), itemStyle: {color: '#2e7d32'}}], true);
    var lights = rows('lights');
    bars('light-chart', lights.map(function (r) { return r[0]; }), [
        {name: '红灯', type: 'bar', stack: 'n', data: lights.map(function (r) { return +r[1]; }), itemStyle: {color: '#c62828'}},
        {name: '黄灯', type: 'bar', stack: 'n', data: lights.map(function (r) { return +r[2]; }), itemStyle: {color: '#f9a825'}},
        {name: '绿灯', type: 'bar', stack: 'n', data: lights.map(function (r) { return +r[3]; }), itemStyle: {color: '#2e7d32'}}
    ], true);
    var promised = rows('commitment-counts');
    bars('commitment-chart', promised.map(function (r) { return r[0]; }), [
        {name: '跟踪中', type: 'bar', data: promised.map(function (r) { return +r[1]; })},
        {name: '已逾期', type: 'bar', data: promised.map(function (r) { return +r[2]; }), itemStyle: {color: '#c62828'}},
        {name: '已办结', type: 'bar', data: promised.map(function (r) { return +r[3]; }), itemStyle: {color: '#2e7d32'}}
    ], true);
})();
