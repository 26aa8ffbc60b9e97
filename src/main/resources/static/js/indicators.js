// Draws each indicator's trend (values, and targets where set) from the data attributes the page renders.
(function () {
    if (!window.echarts) {
        return;
    }
    document.querySelectorAll('.trend').forEach(function (el) {
        var periods = (el.dataset.periods || '').split('|');
        var values = (el.dataset.values || '').split('|').map(Number);
        var targets = (el.dataset.targets || '').split('|').map(function (t) { return t === '' ? null : Number(t); });
        var series = [{name: '数值', type: 'line', data: values, label: {show: true}}];
        if (targets.some(function (t) { return t !== null; })) {
            series.push({name: '目标', type: 'line', data: targets, lineStyle: {type: 'dashed'}, connectNulls: true});
        }
        var chart = echarts.init(el);
        chart.setOption({
            tooltip: {trigger: 'axis'},
            legend: {data: series.map(function (s) { return s.name; })},
            grid: {left: 50, right: 20, top: 30, bottom: 30},
            xAxis: {type: 'category', data: periods},
            yAxis: {type: 'value', scale: true},
            toolbox: {feature: {saveAsImage: {title: '导出图片'}}},
            series: series
        });
    });
})();
