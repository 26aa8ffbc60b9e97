package org.ronghe.portal;

import java.util.List;
import java.util.Map;

import org.ronghe.region.RegionDirectory;
import org.ronghe.region.RegionLevel;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home page and the entry pages of modules not yet delivered. */
@Controller
class HomeController {

    /** Modules announced in the navigation, with what each will do (shown until the module lands). */
    static final Map<String, String[]> UPCOMING = Map.of(
            "proposals", new String[] {"提案办理", "政协提案与人大建议：提交（相似提案查重）、立案、交办、会办、答复审核签发、提案者反馈与重新办理、跟踪落实、答复公开、催办和统计。"},
            "replies", new String[] {"公文", "导入既有答复函并提取要素；按 GB/T 9704-2012 版式生成 DOCX、PDF、OFD。"},
            "tasks", new String[] {"重点任务", "年度重点任务与答复承诺事项的分解、督办和进展报告。"},
            "indicators", new String[] {"指标", "城镇化率等指标的目标、历史数据与同比、百分点变化。"},
            "land", new String[] {"土地流转", "土地流转服务平台：地块、供需发布与匹配、示范文本合同、备案与审查、租金。"});

    private final RegionDirectory regions;
    private final CurrentCounty county;

    HomeController(RegionDirectory regions, CurrentCounty county) {
        this.regions = regions;
        this.county = county;
    }

    @GetMapping("/")
    String home(Model model) {
        regions.find(county.code() + "000000").ifPresent(c -> model.addAttribute("county", c));
        model.addAttribute("townships", regions.children(county.code() + "000000"));
        model.addAttribute("villageCount", regions.count(county.code(), RegionLevel.VILLAGE));
        model.addAttribute("modules", List.of("proposals", "replies", "tasks", "indicators", "land"));
        model.addAttribute("upcoming", UPCOMING);
        return "portal/home";
    }
}
