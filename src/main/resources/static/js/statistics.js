// Draws the per-unit bar chart of the statistics page from its table (so chart and table cannot disagree).
(function () {
    var el = document.getElementById('unit-chart');
    var rows = document.querySelectorAll('#by-unit tbody tr');
    if (!el || !window.echarts) {
        return;
    }
    var names = [], assigned = [], onTime = [], overdue = [];
    rows.forEach(function (tr) {
        var td = tr.querySelectorAll('td');
        if (td.length < 7) {
            return;
        }
        names.push(td[0].textContent);
        assigned.push(+td[3].textContent);
        onTime.push(+td[5].textContent);
        overdue.push(+td[6].textContent);
    });
    if (names.length === 0) {
        el.style.display = 'none';
        return;
    }
    echarts.init(el).setOption({
        tooltip: {trigger: 'axis'},
        legend: {data: ['交办', '按期答复', '超期']},
        xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: names.length > 6 ? 30 : 0}},
        yAxis: {type: 'value', minInterval: 1},
        series: [
            {name: '交办', type: 'bar', data: assigned},
            {name: '按期答复', type: 'bar', data: onTime},
            {name: '超期', type: 'bar', data: overdue, itemStyle: {color: '#c23531'}}
        ]
    });
})();
