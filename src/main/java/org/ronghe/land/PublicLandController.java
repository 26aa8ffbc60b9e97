package org.ronghe.land;

import org.ronghe.tenancy.CurrentCounty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /public/land} (no login): open supply listings — where, how much, what kind, for how long, from what rent. */
@Controller
class PublicLandController {

    private final Listings listings;
    private final CurrentCounty county;
    private final org.ronghe.region.RegionDirectory regions;

    PublicLandController(Listings listings, CurrentCounty county, org.ronghe.region.RegionDirectory regions) {
        this.listings = listings;
        this.county = county;
        this.regions = regions;
    }

    @GetMapping("/public/land")
    String supply(@org.springframework.web.bind.annotation.RequestParam(required = false) String township,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String landType, Model model) {
        model.addAttribute("supply", listings.openSupply(county.code(),
                Listings.Filter.of(township, landType, null, null, null, null)));
        model.addAttribute("township", township);
        model.addAttribute("townships", regions.children(county.code() + "000000"));
        return "land/public-supply";
    }
}
