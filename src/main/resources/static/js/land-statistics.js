// Draws the township chart of the land statistics page from its table (so chart and table cannot disagree).
(function () {
    var el = document.getElementById('township-chart');
    if (!el || !window.echarts) {
        return;
    }
    var names = [], transferred = [], share = [];
    document.querySelectorAll('#by-township tbody tr').forEach(function (tr) {
        var td = tr.querySelectorAll('td');
        if (td.length < 4 || +td[2].textContent === 0) {
            return;
        }
        names.push(td[0].textContent);
        transferred.push(+td[2].textContent);
        share.push(+td[3].textContent);
    });
    if (names.length === 0) {
        el.style.display = 'none';
        return;
    }
    echarts.init(el).setOption({
        tooltip: {trigger: 'axis'},
        legend: {data: ['流转面积（亩）', '流转比例（%）']},
        xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: names.length > 6 ? 30 : 0}},
        yAxis: [{type: 'value', name: '亩'}, {type: 'value', name: '%', max: 100}],
        series: [
            {name: '流转面积（亩）', type: 'bar', data: transferred},
            {name: '流转比例（%）', type: 'line', yAxisIndex: 1, data: share}
        ]
    });
})();
