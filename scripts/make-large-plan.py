#!/usr/bin/env python3
"""Writes a large 分工方案 spreadsheet for the import benchmark: 8 parts of 500 tasks (4,000),
each with lead and cooperating units, a leader and a deadline, in the columns offices use.
Illustrative text only. Usage: make-large-plan.py OUT.xlsx [TASKS]"""
import sys
from openpyxl import Workbook

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
parts = 8
units = ["县发改局", "县工信局", "县财政局", "县住建局", "县交通运输局", "县农业农村局", "县教体局", "县卫健局",
         "县商务局", "县文旅局", "县应急局", "县市场监管局", "沂城街道", "龙家圈街道", "马站镇", "高桥镇"]
leaders = ["刘铭", "王建华", "张立新", "李红梅", "陈晓东", "周文博", "孙国庆", "赵志强"]
deadlines = ["2030-06-30", "2030年9月底前", "年底前", "长期坚持", "第一季度", "2030/10/31"]
wb = Workbook()
ws = wb.active
ws.title = "分解方案"
ws.append(["2030年县政府工作报告重点工作任务分解方案（基准测试用示例）"])
ws.append(["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"])
per_part = total // parts
for part in range(1, parts + 1):
    ws.append([f"{'一二三四五六七八'[part - 1]}、第{part}部分示例任务"])
    for item in range(1, per_part + 1):
        n = (part - 1) * per_part + item
        ws.append([n, f"{item}.推进第{part}部分第{item}项示例工作，完成年度目标任务{n}项。",
                   leaders[n % len(leaders)], units[n % len(units)],
                   f"{units[(n + 3) % len(units)]}、{units[(n + 7) % len(units)]}", deadlines[n % len(deadlines)]])
wb.save(out)
