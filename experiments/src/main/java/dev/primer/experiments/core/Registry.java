package dev.primer.experiments.core;

import dev.primer.experiments.go.AlphaGo9x9;
import dev.primer.experiments.go.AlphaGoRl;
import dev.primer.experiments.go.AlphaGoSl;
import dev.primer.experiments.memory.NtmCopy;
import dev.primer.experiments.nn.AdamOnRealNets;
import dev.primer.experiments.nn.Adversarial;
import dev.primer.experiments.nn.BatchNorm;
import dev.primer.experiments.nn.DenseNet;
import dev.primer.experiments.nn.DepthSeparation;
import dev.primer.experiments.nn.DropoutExperiment;
import dev.primer.experiments.nn.FashionMnistConvnet;
import dev.primer.experiments.nn.FiniteSampleExpressivity;
import dev.primer.experiments.nn.GroupEquivariance;
import dev.primer.experiments.nn.Invariance;
import dev.primer.experiments.nn.MemorizeRandomLabels;
import dev.primer.experiments.nn.Rademacher;
import dev.primer.experiments.nn.Residual;
import dev.primer.experiments.nn.UniversalApproximation;
import dev.primer.experiments.prob.Ebm2d;
import dev.primer.experiments.prob.Gan;
import dev.primer.experiments.prob.GumbelVaeFashion;
import dev.primer.experiments.prob.IafVaeFashion;
import dev.primer.experiments.prob.IwaeFashion;
import dev.primer.experiments.prob.LangevinVsSgd;
import dev.primer.experiments.prob.LearnedProposal;
import dev.primer.experiments.prob.MadeFashion;
import dev.primer.experiments.prob.Optimizers;
import dev.primer.experiments.prob.PlanarFlows2d;
import dev.primer.experiments.prob.RealNvpFlows;
import dev.primer.experiments.prob.SgdVsGdRates;
import dev.primer.experiments.prob.SgldMixture;
import dev.primer.experiments.prob.VaeEstimators;
import dev.primer.experiments.prob.VaeFashion;
import dev.primer.experiments.prob.Zi2zi;
import dev.primer.experiments.rl.DqnCartPole;
import dev.primer.experiments.rl.DqnMinAtar;
import dev.primer.experiments.rl.ReinforceCartPole;
import dev.primer.experiments.rl.Rl4jVsPrimer;
import dev.primer.experiments.seq.AttentionExperiment;
import dev.primer.experiments.seq.LstmGates;
import dev.primer.experiments.seq.LstmMemory;
import dev.primer.experiments.seq.Seq2SeqExperiment;
import dev.primer.experiments.seq.SketchRnnExperiment;
import dev.primer.experiments.text.SentimentNeuron;
import dev.primer.experiments.text.WordVectors;
import java.util.List;
import java.util.Optional;

/** Every experiment primer knows, in the order {@code tour} runs them. */
public final class Registry {
    private static final List<Experiment<?>> ALL = List.of(new MemorizeRandomLabels(), new FashionMnistConvnet(),
            new SgdVsGdRates(), new Optimizers(), new SgldMixture(), new LangevinVsSgd(), new VaeFashion(),
            new GumbelVaeFashion(),
            new DqnCartPole(), new ReinforceCartPole(), new DqnMinAtar(), new Rl4jVsPrimer(), new AlphaGoSl(), new AlphaGoRl(),
            new AlphaGo9x9(),
            new UniversalApproximation(), new FiniteSampleExpressivity(), new DepthSeparation(),
            new Adversarial(), new DropoutExperiment(), new Rademacher(), new Residual(), new BatchNorm(),
            new Invariance(),
            new AdamOnRealNets(), new DenseNet(), new GroupEquivariance(),
            new WordVectors(), new NtmCopy(), new LstmMemory(), new Seq2SeqExperiment(), new AttentionExperiment(),
            new LstmGates(), new SentimentNeuron(), new PlanarFlows2d(), new MadeFashion(), new RealNvpFlows(),
            new Gan(), new LearnedProposal(), new Ebm2d(),
            new IwaeFashion(), new VaeEstimators(), new SketchRnnExperiment(), new IafVaeFashion(),
            new Zi2zi());

    private Registry() {
    }

    /** All registered experiments. */
    public static List<Experiment<?>> all() {
        return ALL;
    }

    /** The experiment called {@code name}, if any. */
    public static Optional<Experiment<?>> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
