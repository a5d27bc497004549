/** Experiments run by the growth and search teams. Values are the flag keys. */
export enum Experiment {
  RecsCarousel = 'recs-carousel',
  SearchRankingV3 = 'search-ranking-v3',
}
